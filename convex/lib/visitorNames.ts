/**
 * A readable name for a visitor who never told us theirs ("Amber Falcon"), the same for the
 * same visitor everywhere, so operators can tell six anonymous visitors apart.
 */
const ADJECTIVES = [
  "Amber", "Azure", "Brave", "Bright", "Calm", "Clever", "Coral", "Crimson", "Dapper", "Eager",
  "Gentle", "Golden", "Happy", "Indigo", "Jade", "Jolly", "Kind", "Lively", "Lucky", "Mellow",
  "Misty", "Noble", "Olive", "Quiet", "Rapid", "Rosy", "Silver", "Sunny", "Swift", "Teal", "Witty", "Zesty",
];
const ANIMALS = [
  "Badger", "Beaver", "Bison", "Crane", "Dolphin", "Eagle", "Falcon", "Ferret", "Fox", "Gecko",
  "Heron", "Ibis", "Koala", "Lemur", "Lynx", "Marten", "Moose", "Newt", "Otter", "Owl",
  "Panda", "Puffin", "Quail", "Raven", "Robin", "Seal", "Sparrow", "Stork", "Tiger", "Walrus", "Wren", "Yak",
];

export function generatedVisitorName(visitorId: string): string {
  // FNV-1a over the id: stable, cheap, spread well enough for 1,024 names.
  let hash = 0x811c9dc5;
  for (let i = 0; i < visitorId.length; i++) {
    hash ^= visitorId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${ADJECTIVES[hash % ADJECTIVES.length]} ${ANIMALS[(hash >>> 8) % ANIMALS.length]}`;
}

/** The visitor's own name, else their email, else the generated one. */
export function visitorDisplayName(visitor: { _id: string; name?: string; email?: string } | null, visitorId: string): string {
  return visitor?.name ?? visitor?.email ?? generatedVisitorName(visitorId);
}
