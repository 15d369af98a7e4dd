/** Joins the ids of the elements that describe a control, or undefined when there are none. */
export function describedBy(...ids: (string | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => Boolean(id));
  return present.length ? present.join(" ") : undefined;
}
