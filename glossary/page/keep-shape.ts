/**
 * Keeps one object of a class alive for as long as the script runs, so that V8 keeps its hidden class.
 *
 * V8 optimises the engine's hot functions for the hidden classes ("maps") of the objects they see,
 * and holds those maps only weakly: when the last object of a class is garbage collected, its maps
 * go, and every optimised function built on them is thrown away ("embedded weak objects cleared" in
 * V8's deopt log). A highlighter's blocks, occurrences and counts all die together when it is
 * cleared, so the page's next run started on half-cold code and spent part of its time being
 * compiled again (bench/PERFORMANCE.md, sixth round). One small object per class, made with neutral
 * values when the module loads, keeps the maps and with them the optimised code.
 *
 * Only for classes whose objects are hot and short-lived; a plain object literal needs none of this
 * (V8 keeps a literal's map with the function that makes it).
 */
const kept: object[] = [];

export function keepShape(sample: object): void {
  kept.push(sample);
}
