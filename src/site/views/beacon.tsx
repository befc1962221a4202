/**
 * The view beacon of an article page behind a CDN (docs/cdn.md): the CDN serves the page without
 * asking us, so the page itself reports the view. With JavaScript a fixed inline script sends
 * `navigator.sendBeacon` carrying the page's own `document.referrer` (the beacon request's own
 * Referer is the article); with JavaScript off the <noscript> image pixel does, without the
 * referrer. No cookie either way. The script's text never changes (the edition id is read from its
 * data attribute), so the public CSP allows exactly it by hash (app.ts, only when XABAR_CDN is on).
 */
import crypto from 'node:crypto';

export const BEACON_SCRIPT =
  "(function(s){var u=s.getAttribute('data-beacon')+'?r='+encodeURIComponent(document.referrer);if(!(navigator.sendBeacon&&navigator.sendBeacon(u)))new Image().src=u})(document.currentScript)";

/** For the CSP: `'sha256-…'` of the script above. */
export const BEACON_SCRIPT_HASH = `'sha256-${crypto.createHash('sha256').update(BEACON_SCRIPT).digest('base64')}'`;

export const beaconUrl = (editionId: number) => `/v/${editionId}.gif`;

export function ViewBeacon({ editionId }: { editionId: number }) {
  return (
    <>
      <script data-beacon={beaconUrl(editionId)} dangerouslySetInnerHTML={{ __html: BEACON_SCRIPT }} />
      <noscript>
        <img className="view-beacon" src={beaconUrl(editionId)} alt="" width={1} height={1} />
      </noscript>
    </>
  );
}
