// A Source still credited cannot be deleted.
import { refuse } from './violation';

/** A Source still credited by articles cannot be deleted: their attribution would vanish. */
export function refuseDeletingCreditedSource(creditingArticles: number): void {
  if (creditingArticles === 0) return;
  refuse(
    'source',
    'source-still-credited',
    `is credited by ${creditingArticles} article(s); remove those credits before deleting it.`,
    `هذا المصدر مُسند إليه في ${creditingArticles} مقال؛ أزل الإسناد قبل حذفه.`,
  );
}
