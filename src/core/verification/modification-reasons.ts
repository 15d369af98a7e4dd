import type { Bilingual } from "../i18n.types.ts";

/** Why the changes made after a signature are not allowed (one per finding). */
export type ModificationCode =
  | "signed_revision_incomplete"
  | "history_rewritten"
  | "malformed_update"
  | "unreferenced_object"
  | "xref_ambiguous"
  | "trailer_changed"
  | "too_complex"
  | "object_deleted"
  | "object_redefined"
  | "catalog_changed"
  | "action_added"
  | "metadata_changed"
  | "optional_content_changed"
  | "page_tree_changed"
  | "page_added"
  | "page_removed"
  | "page_replaced"
  | "page_changed"
  | "content_changed"
  | "resources_changed"
  | "annotation_added"
  | "annotation_changed"
  | "annotation_removed"
  | "form_changed"
  | "form_field_added"
  | "form_field_changed"
  | "form_field_removed"
  | "unsigned_signature_field"
  | "signature_not_verifying"
  | "visible_signature_added"
  | "dss_malformed";

/** One disallowed change: what, and where when it is known. */
export interface Modification {
  code: ModificationCode;
  /** The object number the change was found in. */
  object?: number;
  /** The page (1-based) the change is on. */
  page?: number;
  /** What changed: a dictionary key, an annotation subtype, a field type or name. */
  subject?: string;
}

const ANNOTATION: Record<string, Bilingual> = {
  Widget: { fr: "élément de formulaire", en: "form widget" },
  FreeText: { fr: "texte libre", en: "free text" },
  Text: { fr: "note", en: "note" },
  Stamp: { fr: "tampon", en: "stamp" },
  Square: { fr: "rectangle", en: "square" },
  Circle: { fr: "cercle", en: "circle" },
  Line: { fr: "ligne", en: "line" },
  Polygon: { fr: "polygone", en: "polygon" },
  Ink: { fr: "dessin à main levée", en: "ink drawing" },
  Link: { fr: "lien", en: "link" },
  Popup: { fr: "fenêtre contextuelle", en: "pop-up" },
  Highlight: { fr: "surlignage", en: "highlight" },
  FileAttachment: { fr: "pièce jointe", en: "file attachment" },
  Redact: { fr: "caviardage", en: "redaction" },
};

const FIELD: Record<string, Bilingual> = {
  Tx: { fr: "champ de texte", en: "text field" },
  Btn: { fr: "bouton ou case à cocher", en: "button or check box" },
  Ch: { fr: "liste de choix", en: "choice list" },
  Sig: { fr: "champ de signature", en: "signature field" },
};

const RESOURCE: Record<string, Bilingual> = {
  Font: { fr: "une police", en: "a font" },
  XObject: { fr: "une image ou un objet graphique", en: "an image or graphic object" },
  ExtGState: { fr: "un état graphique", en: "a graphics state" },
  ColorSpace: { fr: "un espace de couleurs", en: "a colour space" },
  Pattern: { fr: "un motif", en: "a pattern" },
  Shading: { fr: "un dégradé", en: "a shading" },
  Properties: { fr: "une propriété de calque", en: "a layer property" },
};

const unknown = (s: string | undefined): Bilingual => ({ fr: s ?? "inconnu", en: s ?? "unknown" });
const named = (table: Record<string, Bilingual>, s: string | undefined): Bilingual =>
  (s && table[s]) || unknown(s);

/** The plain-language sentence, in French and English, that names what changed. */
export function describeModification(m: Modification): Bilingual {
  const onPage = { fr: m.page ? ` à la page ${m.page}` : "", en: m.page ? ` to page ${m.page}` : "" };
  const ofPage = { fr: m.page ? ` de la page ${m.page}` : "", en: m.page ? ` of page ${m.page}` : "" };
  const obj = {
    fr: m.object !== undefined ? ` (objet ${m.object})` : "",
    en: m.object !== undefined ? ` (object ${m.object})` : "",
  };
  const key = m.subject ?? "?";
  switch (m.code) {
    case "signed_revision_incomplete":
      return {
        fr: "La partie signée du fichier n'est pas une version complète du PDF : du contenu a été placé hors de la signature.",
        en: "The signed part of the file is not a complete PDF revision: content was placed outside the signature.",
      };
    case "history_rewritten":
      return {
        fr: "L'historique des versions du fichier a été réécrit après la signature.",
        en: "The file's revision history was rewritten after signing.",
      };
    case "malformed_update":
      return {
        fr: "Les octets ajoutés après la signature ne forment pas une mise à jour PDF valide.",
        en: "The bytes added after signing are not a valid PDF update.",
      };
    case "unreferenced_object":
      return {
        fr: `Un objet${obj.fr} ajouté après la signature est caché hors de la table des objets ; certains lecteurs l'afficheraient.`,
        en: `An object${obj.en} added after signing is hidden outside the cross-reference table; some readers would show it.`,
      };
    case "xref_ambiguous":
      return {
        fr: `Un objet${obj.fr} a deux définitions différentes dans la table des objets : selon le lecteur, le document n'affiche pas la même chose.`,
        en: `An object${obj.en} has two different definitions in the cross-reference data: different readers would show different content.`,
      };
    case "trailer_changed":
      return {
        fr: `L'en-tête de fin du fichier (/${key}) a changé après la signature.`,
        en: `The file's trailer (/${key}) changed after signing.`,
      };
    case "too_complex":
      return {
        fr: "Les changements faits après la signature sont trop nombreux pour être analysés ; le document n'est pas considéré comme intact.",
        en: "The changes made after signing are too many to analyse; the document is not considered intact.",
      };
    case "object_deleted":
      return {
        fr: `Un objet${obj.fr} du document signé a été supprimé après la signature.`,
        en: `An object${obj.en} of the signed document was deleted after signing.`,
      };
    case "object_redefined":
      return {
        fr: `Un objet${obj.fr} du document signé (${key}) a été redéfini après la signature.`,
        en: `An object${obj.en} of the signed document (${key}) was redefined after signing.`,
      };
    case "catalog_changed":
      return {
        fr: `Le catalogue du document (/${key}) a changé après la signature.`,
        en: `The document catalog (/${key}) changed after signing.`,
      };
    case "action_added":
      return {
        fr: `Une action (/${key} : script ou lien exécuté à l'ouverture ou au clic) a été ajoutée ou changée après la signature.`,
        en: `An action (/${key}: a script or link run on opening or on click) was added or changed after signing.`,
      };
    case "metadata_changed":
      return {
        fr: "Les métadonnées du document (titre, identifiant du document…) ont changé après la signature.",
        en: "The document's metadata (title, document identifier…) changed after signing.",
      };
    case "optional_content_changed":
      return {
        fr: "L'état des calques du document a changé après la signature : un contenu masqué peut être devenu visible, ou l'inverse.",
        en: "The document's layer states changed after signing: hidden content may have become visible, or the reverse.",
      };
    case "page_tree_changed":
      return {
        fr: `L'arbre des pages a changé après la signature (/${key}).`,
        en: `The page tree changed after signing (/${key}).`,
      };
    case "page_added":
      return {
        fr: `Une page (page ${m.page ?? "?"}) a été ajoutée après la signature.`,
        en: `A page (page ${m.page ?? "?"}) was added after signing.`,
      };
    case "page_removed":
      return {
        fr: `Une page (page ${m.page ?? "?"}) a été retirée après la signature.`,
        en: `A page (page ${m.page ?? "?"}) was removed after signing.`,
      };
    case "page_replaced":
      return {
        fr: `La page ${m.page ?? "?"} a été remplacée par une autre après la signature.`,
        en: `Page ${m.page ?? "?"} was replaced by another page after signing.`,
      };
    case "page_changed":
      return {
        fr: `La page ${m.page ?? "?"} a changé après la signature (/${key}).`,
        en: `Page ${m.page ?? "?"} changed after signing (/${key}).`,
      };
    case "content_changed":
      return {
        fr: `Le contenu${ofPage.fr} a été réécrit après la signature : le texte affiché n'est plus celui qui a été signé.`,
        en: `The content${ofPage.en} was rewritten after signing: the text shown is no longer what was signed.`,
      };
    case "resources_changed": {
      const what = named(RESOURCE, m.subject);
      return {
        fr: `Les ressources${ofPage.fr} ont changé après la signature (${what.fr}) : le même contenu peut s'afficher autrement.`,
        en: `The resources${ofPage.en} changed after signing (${what.en}): the same content can display differently.`,
      };
    }
    case "annotation_added": {
      const what = named(ANNOTATION, m.subject);
      return {
        fr: `Une annotation (${what.fr}) a été ajoutée${onPage.fr} après la signature : elle peut recouvrir le contenu signé.`,
        en: `An annotation (${what.en}) was added${onPage.en} after signing: it can cover the signed content.`,
      };
    }
    case "annotation_changed": {
      const what = named(ANNOTATION, m.subject);
      return {
        fr: `Une annotation (${what.fr})${ofPage.fr} a été modifiée après la signature (apparence, visibilité ou contenu).`,
        en: `An annotation (${what.en})${ofPage.en} was changed after signing (appearance, visibility or content).`,
      };
    }
    case "annotation_removed":
      return {
        fr: `Une annotation${ofPage.fr} a été retirée après la signature.`,
        en: `An annotation${ofPage.en} was removed after signing.`,
      };
    case "form_changed":
      return {
        fr: `Le formulaire du document (/${key}) a changé après la signature.`,
        en: `The document's form (/${key}) changed after signing.`,
      };
    case "form_field_added": {
      const what = named(FIELD, m.subject);
      return {
        fr: `Un champ de formulaire (${what.fr}) a été ajouté${onPage.fr} après la signature : il peut afficher un autre contenu par-dessus le document.`,
        en: `A form field (${what.en}) was added${onPage.en} after signing: it can display other content over the document.`,
      };
    }
    case "form_field_changed":
      return {
        fr: `La valeur ou l'apparence du champ de formulaire « ${key} » a changé après la signature.`,
        en: `The value or appearance of the form field "${key}" changed after signing.`,
      };
    case "form_field_removed":
      return {
        fr: "Un champ de formulaire a été retiré après la signature.",
        en: "A form field was removed after signing.",
      };
    case "unsigned_signature_field":
      return {
        fr: `Un champ de signature vide a été ajouté${onPage.fr} après la signature : il peut afficher n'importe quoi par-dessus le document.`,
        en: `An empty signature field was added${onPage.en} after signing: it can display anything over the document.`,
      };
    case "signature_not_verifying":
      return {
        fr: "Une signature ajoutée après celle-ci n'est pas valide ou n'est pas de confiance.",
        en: "A signature added after this one is not valid or not trusted.",
      };
    case "visible_signature_added":
      return {
        fr: `Une signature ajoutée après celle-ci a une apparence visible${m.page ? ` sur la page ${m.page}` : ""} : elle peut recouvrir le contenu signé.`,
        en: `A signature added after this one has a visible appearance${m.page ? ` on page ${m.page}` : ""}: it can cover the signed content.`,
      };
    case "dss_malformed":
      return {
        fr: "Les données de validation ajoutées (DSS) ne sont pas conformes.",
        en: "The validation data added (DSS) is not well-formed.",
      };
  }
}
