import { useCallback, useEffect, useRef } from 'react';
import type { FieldControl } from '../components/ui';

/** A textarea that grows with its content (headline, lead). */
export function AutoTextarea({ value, onChange, className, disabled, placeholder, name, lang, ...aria }: { value: string; onChange(v: string): void; className?: string; disabled?: boolean; placeholder?: string; name?: string; lang?: string; id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const fit = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, []);
  useEffect(fit, [value, fit]);
  // A narrower column (side-by-side view, window resize) wraps the text onto more lines.
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let width = el.clientWidth;
    const ro = new ResizeObserver(() => {
      if (el.clientWidth !== width) {
        width = el.clientWidth;
        fit();
      }
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [fit]);
  return (
    <textarea
      ref={ref}
      rows={1}
      className={className}
      value={value}
      disabled={disabled}
      placeholder={placeholder}
      name={name}
      lang={lang}
      {...aria}
      onChange={(e) => onChange(e.target.value.replace(/\n/g, ' '))}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.preventDefault();
      }}
    />
  );
}
// A Field ties its label to it (the id and description are passed on to the textarea).
(AutoTextarea as FieldControl).fieldControl = true;
