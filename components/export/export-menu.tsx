'use client';

// The article header's Export menu: pick a format and the brief options, then Preview (the printable
// brief page) or Download (GET /api/articles/:id/export with the same query string).
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTags } from '@/components/hooks/use-tags';
import { DEFAULT_BRIEF_OPTIONS, type BriefLayer, type BriefOptions } from '@/lib/export/brief-input';
import { briefQueryString, DOWNLOAD_FORMATS, FORMAT_LABELS, type DownloadFormat } from '@/lib/export/brief-query';
import './export-menu.css';
import { tagColor } from '@/lib/tags/tag-color';

type Flag = 'onlyConfirmed' | 'includeNotes' | 'includeReplies' | 'includeReviewerNames';

const FLAGS: Array<{ key: Flag; label: string }> = [
  { key: 'onlyConfirmed', label: 'Only confirmed claims' },
  { key: 'includeNotes', label: 'Include notes' },
  { key: 'includeReplies', label: 'Include replies' },
  { key: 'includeReviewerNames', label: 'Include reviewer names' },
];

const LAYERS: Array<{ layer: BriefLayer; label: string }> = [
  { layer: 'auto', label: 'Curated once curated, else all' },
  { layer: 'curated', label: 'Curated layer only' },
  { layer: 'all', label: 'Every analyst’s annotations' },
];

/** `blind`: the article is annotated blind, so the brief may be the curated layer or every analyst's work. */
export function ExportMenu({ articleId, blind = false }: { articleId: string; blind?: boolean }) {
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<DownloadFormat>('md');
  const [options, setOptions] = useState<BriefOptions>({ ...DEFAULT_BRIEF_OPTIONS });
  /** Tag keys left out; empty means every tag (the export's default, `tags` omitted). */
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const tagsData = useTags().data;
  const tags = useMemo(() => tagsData ?? [], [tagsData]);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  // Close on a click outside or on Escape (focus goes back to the button).
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const chosenTags = useMemo(() => tags.filter((t) => !excluded.has(t.key)).map((t) => t.key), [tags, excluded]);
  const noTags = tags.length > 0 && chosenTags.length === 0;
  const effective: BriefOptions = { ...options, tags: excluded.size === 0 ? null : chosenTags };
  const base = `/articles/${encodeURIComponent(articleId)}`;
  const previewQuery = briefQueryString(null, effective);
  const previewHref = `${base}/brief${previewQuery ? `?${previewQuery}` : ''}`;
  const downloadHref = `/api${base}/export?${briefQueryString(format, effective)}`;

  const toggleTag = (key: string) =>
    setExcluded((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <div className="cd-export" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        Export ▾
      </button>
      {open ? (
        <div id={panelId} className="cd-export-panel" role="dialog" aria-label="Export brief" data-testid="export-menu">
          <label className="field">
            <span>Format</span>
            <select value={format} onChange={(e) => setFormat(e.target.value as DownloadFormat)}>
              {DOWNLOAD_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </label>

          <fieldset className="cd-export-group">
            <legend>Claims in</legend>
            <label>
              <input type="radio" name={`${panelId}-group`} checked={options.group === 'document'} onChange={() => setOptions((o) => ({ ...o, group: 'document' }))} />
              Document order
            </label>
            <label>
              <input type="radio" name={`${panelId}-group`} checked={options.group === 'tag'} onChange={() => setOptions((o) => ({ ...o, group: 'tag' }))} />
              By tag
            </label>
          </fieldset>

          {blind ? (
            <fieldset className="cd-export-group">
              <legend>Annotations</legend>
              {LAYERS.map((l) => (
                <label key={l.layer}>
                  <input type="radio" name={`${panelId}-layer`} checked={options.layer === l.layer} onChange={() => setOptions((o) => ({ ...o, layer: l.layer }))} />
                  {l.label}
                </label>
              ))}
            </fieldset>
          ) : null}

          <fieldset className="cd-export-group">
            <legend>Content</legend>
            {FLAGS.map((f) => (
              <label key={f.key}>
                <input type="checkbox" checked={options[f.key]} onChange={(e) => setOptions((o) => ({ ...o, [f.key]: e.target.checked }))} />
                {f.label}
              </label>
            ))}
          </fieldset>

          {tags.length > 0 ? (
            <fieldset className="cd-export-group">
              <legend>Tags</legend>
              {tags.map((t) => (
                <label key={t.key} style={{ ['--tag' as string]: tagColor(t.color) }}>
                  <input type="checkbox" checked={!excluded.has(t.key)} onChange={() => toggleTag(t.key)} />
                  <span className="tag-dot" aria-hidden /> {t.label}
                </label>
              ))}
            </fieldset>
          ) : null}

          {noTags ? (
            <p className="form-error small" role="alert">
              Choose at least one tag.
            </p>
          ) : format === 'pdf' ? (
            <p className="muted small">The server prints the PDF; if it cannot, use Preview and your browser’s “Save as PDF”.</p>
          ) : null}

          <div className="row cd-export-actions">
            <a className="button small" href={previewHref} target="_blank" rel="noopener" aria-disabled={noTags} onClick={(e) => noTags && e.preventDefault()}>
              Preview
            </a>
            <a
              className="button primary small"
              href={downloadHref}
              download
              aria-disabled={noTags}
              data-testid="export-download"
              onClick={(e) => (noTags ? e.preventDefault() : setOpen(false))}
            >
              Download
            </a>
          </div>
        </div>
      ) : null}
    </div>
  );
}
