/** "Amina Yusuf" → "A. Y.": the request and its offers carry initials; the name stays in request_contacts. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 1 && [...words[0]].length <= 3) return words[0];
  return words
    .slice(0, 4)
    .map((w) => `${[...w][0]}.`)
    .join(' ')
    .slice(0, 40);
}
