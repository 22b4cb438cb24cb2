// A keyset cursor in a URL: a row's place in a (timestamp, id) order, as `<ms>_<id>`. Lists page by it
// instead of an offset, so rows added meanwhile never shift the page a person is on.
export type Cursor = { at: Date; id: string };

export function encodeCursor(cursor: Cursor): string {
  return `${cursor.at.getTime()}_${cursor.id}`;
}

/** A cursor from the URL, or null when it is not one of ours (a hand-edited URL starts from the top). */
export function decodeCursor(value: string | undefined): Cursor | null {
  const match = /^(\d{1,15})_([A-Za-z0-9-]{1,64})$/.exec(value ?? "");
  if (!match) return null;
  const at = new Date(Number(match[1]));
  return Number.isNaN(at.getTime()) ? null : { at, id: match[2]! };
}
