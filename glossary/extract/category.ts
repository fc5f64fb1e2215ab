/**
 * A best guess at an entry's category from the shape of its name, no dictionary:
 *   drug        - international non-proprietary name stems: -mab (antibodies), -nib/-tinib (kinase
 *                 inhibitors), -platin, -taxel, -rubicin, -cillin, -mycin, -statin, -pril, -sartan,
 *                 -olol, -vir, -azole, -parin, -dronate
 *   drug class  - a class whose listed members are drugs, or a name ending in "inhibitor", "blocker",
 *                 "agonist", "antagonist", "antibody"
 *   procedure   - -therapy, -ectomy, -otomy, -ostomy, -plasty, -scopy, -graphy, -embolization,
 *                 -ablation, transplant(ation), resection, surgery, biopsy, dialysis, imaging
 *   condition   - -oma, -itis, -osis, -emia, -pathy, -algia, cancer, carcinoma, tumo(u)r, syndrome,
 *                 disease, disorder, infection, failure, deficiency, injury
 *   concept     - everything else
 * Anatomy is never guessed: names of body parts have no telling shape.
 */
import type { Category } from '../schema';

const DRUG = /(?:mab|nib|platin|taxel|rubicin|cillin|mycin|statin|pril|sartan|olol|vir|azole|parin|dronate)$/i;
const DRUG_CLASS = /(?:inhibitor|blocker|agonist|antagonist|antibody|antibodies|inhibitors|blockers|agonists|antagonists)$/i;
const PROCEDURE =
  /(?:therapy|ectomy|otomy|ostomy|plasty|scopy|graphy|embolization|embolisation|ablation|transplant|transplantation|resection|surgery|biopsy|dialysis|imaging)$/i;
const CONDITION =
  /(?:oma|itis|osis|emia|aemia|pathy|algia|cancer|carcinoma|tumor|tumour|syndrome|disease|disorder|infection|failure|deficiency|injury)$/i;
const NOT_CONDITION = /(?:diagnosis|prognosis|hypnosis)$/i;

export function guessCategory(term: string, memberCategories: readonly Category[] = []): Category {
  const name = term.trim();
  if (memberCategories.length > 0 && memberCategories.every((c) => c === 'drug')) return 'drug class';
  if (DRUG_CLASS.test(name)) return 'drug class';
  if (!/\s/.test(name) && DRUG.test(name)) return 'drug';
  if (PROCEDURE.test(name)) return 'procedure';
  if (CONDITION.test(name) && !NOT_CONDITION.test(name)) return 'condition';
  return 'concept';
}
