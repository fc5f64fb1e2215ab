import { parseGlossary, type Glossary } from '../schema';
import { builtinGlossaryInput } from './liver-cancer-article';

// parse once so the built-in data gets the same checks and defaults as any imported glossary
function parseBuiltin(): Glossary {
  const result = parseGlossary(builtinGlossaryInput);
  if (!result.ok) {
    // Never happens: tests/unit/builtin-glossary.test.ts parses the same data.
    throw new Error(`Built-in glossary is invalid: ${result.issues.join('; ')}`);
  }
  return result.glossary;
}

export const builtinGlossary: Glossary = parseBuiltin();
