'use client';

// NATO / Admiralty grade: source reliability A–F × information credibility 1–6. The standard
// meanings show on hover (title) and in the options. Authors, reviewers and admins may change it.
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { ReliabilityGrade } from '@/lib/core/grading';
import { CREDIBILITY_GRADES, describeGrade, formatGrade, isCredibilityGrade, isReliabilityGrade, RELIABILITY_GRADES, type Grade } from '@/lib/core/grading';
import { useRegrade } from '@/components/hooks/use-review';
import { errorMessage } from '@/lib/client/error-message';

function gradeOf(annotation: AnnotationDto): Grade {
  const { reliability, credibility } = annotation.grade;
  return { reliability: isReliabilityGrade(reliability) ? reliability : null, credibility: isCredibilityGrade(credibility) ? credibility : null };
}

export function GradeEditor({ annotation, canEdit }: { annotation: AnnotationDto; canEdit: boolean }) {
  const regrade = useRegrade();
  const grade = gradeOf(annotation);
  const text = formatGrade(grade);
  const reliabilityMeaning = grade.reliability ? RELIABILITY_GRADES[grade.reliability] : 'Not graded';
  const credibilityMeaning = grade.credibility ? CREDIBILITY_GRADES[grade.credibility] : 'Not graded';

  return (
    <div className="rv-section" data-testid="grade-editor">
      <div className="row">
        <h4 className="rv-section-title">Grade</h4>
        <abbr className="rv-grade-value" title={describeGrade(grade)} data-testid="grade-value">
          {text || '—'}
        </abbr>
      </div>
      {canEdit ? (
        <div className="rv-grade">
          <label className="field" title={reliabilityMeaning}>
            <span>Source reliability</span>
            <select
              aria-label="Source reliability"
              value={grade.reliability ?? ''}
              disabled={regrade.isPending}
              onChange={(e) =>
                regrade.mutate({ annotation, input: { revision: annotation.revision, reliability: (e.target.value || null) as ReliabilityGrade | null } })
              }
            >
              <option value="">—</option>
              {Object.entries(RELIABILITY_GRADES).map(([letter, meaning]) => (
                <option key={letter} value={letter} title={meaning}>
                  {letter} — {meaning}
                </option>
              ))}
            </select>
          </label>
          <label className="field" title={credibilityMeaning}>
            <span>Information credibility</span>
            <select
              aria-label="Information credibility"
              value={grade.credibility ?? ''}
              disabled={regrade.isPending}
              onChange={(e) => regrade.mutate({ annotation, input: { revision: annotation.revision, credibility: e.target.value ? Number(e.target.value) : null } })}
            >
              <option value="">—</option>
              {Object.entries(CREDIBILITY_GRADES).map(([digit, meaning]) => (
                <option key={digit} value={digit} title={meaning}>
                  {digit} — {meaning}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
      {regrade.isError ? (
        <p className="form-error small" role="alert">
          {errorMessage(regrade.error)}
        </p>
      ) : null}
    </div>
  );
}
