/** Words separated by commas (Chinese ones too) or new lines, as a list field holds them. */
export function wordList(text: string): string[] {
  return text
    .split(/[,，、\n]/)
    .map((word) => word.trim())
    .filter(Boolean);
}
