import type { Metadata } from 'next';
import { DeletedAnnotations } from '@/components/review/deleted-annotations';
import { DeskSettingsForm } from '@/components/review/desk-settings-form';
import { SuggestionRules } from '@/components/suggest/suggestion-rules';
import { TagVocabulary } from '@/components/tags/tag-vocabulary';
import { requirePageActor } from '@/lib/auth/server/page-actor';
import { canChangeDeskSettings, canRestoreSuggestionRule } from '@/lib/core/permissions';
import { db } from '@/lib/db/server/prisma';
import { getDeskSettings } from '@/lib/review/server/get-desk-settings';
import { listSourceTags } from '@/lib/tags/server/list-source-tags';

export const metadata: Metadata = { title: 'Desk settings' };

export default async function DeskPage() {
  const actor = await requirePageActor();
  const decision = canChangeDeskSettings(actor);
  if (!decision.ok) {
    return (
      <div className="page">
        <h1>Desk</h1>
        <p className="form-error">{decision.reason}</p>
      </div>
    );
  }
  const [desk, tags] = await Promise.all([getDeskSettings(db), listSourceTags(db)]);
  return (
    <div className="page stack">
      <h1>Desk</h1>
      <DeskSettingsForm initial={desk} />
      <h2>Tags</h2>
      <TagVocabulary initialTags={tags} />
      <h2>Suggestion rules</h2>
      <SuggestionRules canRestore={canRestoreSuggestionRule(actor).ok} />
      <h2>Deleted annotations</h2>
      <DeletedAnnotations />
    </div>
  );
}
