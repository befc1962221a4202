/** Toolbar buttons for the gallery and video blocks, with their pickers (kept out of Toolbar.tsx). */
import { useState } from 'react';
import type { Editor } from '@tiptap/react';
import { MediaPicker } from '../../components/media';
import { useI18n } from '../../i18n';
import { editorLocale, galleryItem } from './gallery';
import { VideoDialog } from './video';

const GALLERY_ICON = 'M3 7h13v12H3zM7 3h14v12M3 15l4-4 3 3 2-2 4 4';
const VIDEO_ICON = 'M3 6h13v12H3zM16 10l5-3v10l-5-3';

function Button({ label, path, disabled, onClick }: { label: string; path: string; disabled?: boolean; onClick(): void }) {
  return (
    <button type="button" className="tb" title={label} aria-label={label} disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={onClick}>
      <svg className="icon" width={17} height={17} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        <path d={path} />
      </svg>
    </button>
  );
}

export function BlockButtons({ editor, disabled }: { editor: Editor; disabled?: boolean }) {
  const i = useI18n();
  const [picking, setPicking] = useState(false);
  const [video, setVideo] = useState(false);
  return (
    <>
      <Button label={i.t('blocks.galleryInsert')} path={GALLERY_ICON} disabled={disabled} onClick={() => setPicking(true)} />
      <Button label={i.t('blocks.videoInsert')} path={VIDEO_ICON} disabled={disabled} onClick={() => setVideo(true)} />
      {picking && (
        <MediaPicker
          open
          locale={editorLocale(editor)}
          title={i.t('blocks.galleryFirst')}
          onClose={() => setPicking(false)}
          onPick={(m) => {
            setPicking(false);
            editor.chain().focus().setGallery({ items: [galleryItem(m, editorLocale(editor))] }).run();
          }}
        />
      )}
      <VideoDialog editor={editor} open={video} onClose={() => setVideo(false)} />
    </>
  );
}
