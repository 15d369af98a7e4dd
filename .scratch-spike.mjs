import pkcs11js from "pkcs11js";
const p = new pkcs11js.PKCS11();
p.load("/usr/lib/softhsm/libsofthsm2.so");
p.C_Initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK });
try { p.C_Initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK }); } catch (e) { console.log("again:", e.name, e.message, e.code, pkcs11js.CKR_CRYPTOKI_ALREADY_INITIALIZED); }
const slots = p.C_GetSlotList(true);
for (const s of slots) { const ti = p.C_GetTokenInfo(s); console.log(JSON.stringify(ti.label), ti.serialNumber, s); }
const slot = slots.find((s) => p.C_GetTokenInfo(s).label.trim() === "spike");
const sess = p.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
p.C_Login(sess, pkcs11js.CKU_USER, "1234");
const sess2 = p.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
try { p.C_Login(sess2, pkcs11js.CKU_USER, "1234"); } catch (e) { console.log("login again:", e.message, e.code); }
const id = Buffer.from("0102", "hex");
const kp = p.C_GenerateKeyPair(sess, { mechanism: pkcs11js.CKM_EC_KEY_PAIR_GEN }, [
  { type: pkcs11js.CKA_TOKEN, value: true }, { type: pkcs11js.CKA_VERIFY, value: true },
  { type: pkcs11js.CKA_EC_PARAMS, value: Buffer.from("06082a8648ce3d030107", "hex") },
  { type: pkcs11js.CKA_ID, value: id }, { type: pkcs11js.CKA_LABEL, value: "k1" },
], [
  { type: pkcs11js.CKA_TOKEN, value: true }, { type: pkcs11js.CKA_SIGN, value: true }, { type: pkcs11js.CKA_PRIVATE, value: true },
  { type: pkcs11js.CKA_SENSITIVE, value: true }, { type: pkcs11js.CKA_EXTRACTABLE, value: false },
  { type: pkcs11js.CKA_ID, value: id }, { type: pkcs11js.CKA_LABEL, value: "k1" },
]);
console.log(kp);
const [pt] = p.C_GetAttributeValue(sess, kp.publicKey, [{ type: pkcs11js.CKA_EC_POINT }]);
console.log("ecpoint", pt.value.toString("hex"));
try { console.log(p.C_GetAttributeValue(sess, kp.privateKey, [{ type: pkcs11js.CKA_VALUE }])); } catch (e) { console.log("value:", e.name, e.message, e.code, pkcs11js.CKR_ATTRIBUTE_SENSITIVE); }
const attrs = p.C_GetAttributeValue(sess, kp.privateKey, [{ type: pkcs11js.CKA_EXTRACTABLE }, { type: pkcs11js.CKA_SENSITIVE }, {type: pkcs11js.CKA_NEVER_EXTRACTABLE}, {type: pkcs11js.CKA_ALWAYS_SENSITIVE}]);
console.log(attrs);
p.C_SignInit(sess, { mechanism: pkcs11js.CKM_ECDSA }, kp.privateKey);
const sig = await p.C_SignAsync(sess, Buffer.alloc(32, 1), Buffer.alloc(128));
console.log("sig", sig.length, sig.toString("hex"));
p.C_CloseSession(sess2);
p.C_Finalize();
