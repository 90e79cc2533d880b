/**
 * The rules the message catalogs and the wallet pages' sources must keep, as pure functions over
 * file contents (catalog.test.ts runs them on the repository):
 *
 * - every catalog has the keys of every other, each plural with exactly the forms its language
 *   needs (`Intl.PluralRules`), and the same `{{parameters}}` and `<tags>` as the source catalog;
 * - every key is used: it appears as a quoted literal in the sources, or, for keys read through a
 *   code (`errors.<code>`, `bans.reason.<reason>`), that code is one the code base defines;
 * - no user-visible text is hard-coded in a component: JSX text, user-facing attributes
 *   (`aria-label`, `title`, `placeholder`, `alt`, and this UI's `label`, `hint`…) and text-like
 *   properties of objects (`label: 'Send'`) must come from the catalog, except an explicit, small
 *   list of symbols and names that are never translated.
 * @module
 */
import ts from 'typescript';

export type CatalogTree = { [key: string]: string | CatalogTree };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Flattens a nested catalog into dotted keys. */
export function flatten(tree: CatalogTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** Keys without their plural suffix, each with the plural forms present (empty for a plain key). */
export function baseKeys(flat: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of flat.keys()) {
    const plural = PLURAL_SUFFIX.exec(key);
    const base = plural ? key.slice(0, plural.index) : key;
    const forms = out.get(base) ?? new Set<string>();
    if (plural) forms.add(plural[1]!);
    out.set(base, forms);
  }
  return out;
}

/** `{{name}}` parameters (formats dropped) and `<tag>` names of a message, sorted. */
export function placeholders(message: string): string {
  const params = [...message.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => `{{${m[1]}}}`);
  const tags = [...message.matchAll(/<\/?([a-z][\w-]*)\s*\/?>/gi)].map((m) => `<${m[1]}>`);
  return [...new Set([...params, ...tags])].sort().join(' ');
}

/** Problems between the source catalog and one translation. */
export function compareCatalogs(source: { locale: string; tree: CatalogTree }, other: { locale: string; tree: CatalogTree }): string[] {
  const problems: string[] = [];
  const sourceFlat = flatten(source.tree);
  const otherFlat = flatten(other.tree);
  const sourceKeys = baseKeys(sourceFlat);
  const otherKeys = baseKeys(otherFlat);
  const needed = new Set(new Intl.PluralRules(other.locale).resolvedOptions().pluralCategories);
  for (const [key, forms] of sourceKeys) {
    const theirs = otherKeys.get(key);
    if (!theirs) {
      problems.push(`${other.locale}: missing ${key}`);
      continue;
    }
    if (forms.size > 0 || theirs.size > 0) {
      const want = [...needed].sort().join(',');
      const have = [...theirs].sort().join(',');
      if (want !== have) problems.push(`${other.locale}: ${key} has plural forms [${have}], ${other.locale} needs [${want}]`);
    }
    const sample = (flat: ReadonlyMap<string, string>, f: Set<string>) => flat.get(f.size > 0 ? `${key}_other` : key) ?? '';
    const a = placeholders(sample(sourceFlat, forms));
    const b = placeholders(sample(otherFlat, theirs));
    if (a !== b) problems.push(`${other.locale}: ${key} uses ${b || 'no parameters'}, ${source.locale} uses ${a || 'none'}`);
  }
  for (const key of otherKeys.keys()) if (!sourceKeys.has(key)) problems.push(`${other.locale}: ${key} is not in ${source.locale}`);
  return problems;
}

/** Key prefixes read through a code; the rest of such a key must be a code the sources define. */
export const CODE_KEYS: readonly { prefix: string; code: (rest: string) => string }[] = [
  { prefix: 'errors.', code: (rest) => rest },
  { prefix: 'bans.reason.', code: (rest) => rest },
];

/** Catalog keys no source uses (`sources`: UI files; `codeSources`: every file that may define a code). */
export function unusedKeys(tree: CatalogTree, sources: readonly string[], codeSources: readonly string[]): string[] {
  const text = sources.join('\n');
  const codeText = codeSources.join('\n');
  const quoted = (s: string, where: string) => where.includes(`'${s}'`) || where.includes(`"${s}"`) || where.includes(`\`${s}\``);
  const unused: string[] = [];
  for (const key of baseKeys(flatten(tree)).keys()) {
    if (quoted(key, text)) continue;
    const coded = CODE_KEYS.find((c) => key.startsWith(c.prefix) && key.slice(c.prefix.length).length > 0);
    // A key under a code prefix that is itself quoted (errors.title) was handled above.
    if (coded && /^[a-z_]+(\.[a-z_]+)?$/.test(key.slice(coded.prefix.length)) && quoted(coded.code(key.slice(coded.prefix.length)), codeText)) continue;
    unused.push(key);
  }
  return unused;
}

/** Never translated: the product's name, currency symbols, address forms, JSON tokens. */
export const ALLOWED_TEXT: readonly string[] = ['Wayfarer', 'CFX', 'null', 'cfx:…', '0x…', 'https://', '0.0'];

/** Attributes and props whose value the user reads (or hears). */
export const USER_FACING_ATTRIBUTES: ReadonlySet<string> = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'hint',
  'error',
  'subject',
  'approveLabel',
  'submitLabel',
]);

/** Object properties that hold text for the screen (`{ label: 'Send' }`, `detail: '…'`). */
export const TEXT_PROPERTIES: ReadonlySet<string> = new Set(['label', 'title', 'detail', 'message', 'meaning', 'advice', 'summary', 'hint', 'failedLabel', 'description', 'text']);

/** Whether `text` holds a word a person would read, once the allowed tokens are taken out. */
export function isProse(text: string): boolean {
  let rest = text;
  for (const token of ALLOWED_TEXT) rest = rest.split(token).join(' ');
  return /\p{L}/u.test(rest);
}

/** String pieces an expression evaluates to through literals, templates, `?:`, `&&`, `||` and `??`. */
function literalPieces(node: ts.Expression): { text: string; node: ts.Node }[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [{ text: node.text, node }];
  if (ts.isTemplateExpression(node)) return [{ text: [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' '), node }];
  if (ts.isParenthesizedExpression(node)) return literalPieces(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalPieces(node.whenTrue), ...literalPieces(node.whenFalse)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind)) {
    return [...literalPieces(node.left), ...literalPieces(node.right)];
  }
  return [];
}

export interface HardCoded {
  file: string;
  line: number;
  text: string;
  where: string;
}

/** Text in `source` (a .ts or .tsx file) that is shown to the user without the catalog. */
export function hardCodedStrings(file: string, source: string): HardCoded[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: HardCoded[] = [];
  const report = (node: ts.Node, text: string, where: string) => {
    if (!isProse(text)) return;
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.trim().replace(/\s+/g, ' ').slice(0, 80), where });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text, 'JSX text');
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const piece of literalPieces(node.expression)) report(piece.node, piece.text, 'JSX child');
    } else if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      const pieces = ts.isStringLiteral(init) ? [{ text: init.text, node: init }] : ts.isJsxExpression(init) && init.expression ? literalPieces(init.expression) : [];
      for (const piece of pieces) report(piece.node, piece.text, `${node.name.getText(sf)}=`);
    } else if (ts.isPropertyAssignment(node) && TEXT_PROPERTIES.has(node.name.getText(sf).replace(/['"]/g, ''))) {
      for (const piece of literalPieces(node.initializer)) report(piece.node, piece.text, `${node.name.getText(sf)}:`);
    } else if (ts.isBindingElement(node) && node.initializer && ts.isObjectBindingPattern(node.parent) && (TEXT_PROPERTIES.has(node.name.getText(sf)) || USER_FACING_ATTRIBUTES.has(node.name.getText(sf)))) {
      // Defaults of destructured props (`{ title = 'Something went wrong' }`).
      for (const piece of literalPieces(node.initializer)) report(piece.node, piece.text, `default ${node.name.getText(sf)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
