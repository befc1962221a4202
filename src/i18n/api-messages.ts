/**
 * The newsroom API's message catalogue: every error the API returns names one of these keys and
 * its parameters, and the newsroom app shows the key's text in the user's language (the SPA
 * catalogues hold `err.<key>` for each; test/api-messages.test.ts checks none is missing). The
 * English text here is the fallback `message` for API clients and logs.
 *
 * Templates use {name} placeholders; `msg('upload.too_large', { limitMb: 20 })` is type-checked
 * against them, so a key cannot be used with a missing parameter.
 */
export const API_MESSAGES = {
  // Generic field checks (zod issues, src/http/validate.ts).
  'form.invalid': 'Please correct the highlighted fields.',
  'field.required': 'This field is required.',
  'field.wrong_type': 'This value has the wrong type.',
  'field.invalid': 'This value is not valid.',
  'field.invalid_choice': 'Choose one of the offered values.',
  'field.too_long': 'At most {max} characters.',
  'field.too_short': 'At least {min} characters.',
  'field.too_many': 'At most {max} items.',
  'field.too_few': 'At least {min} items.',
  'field.too_large': 'At most {max}.',
  'field.too_small': 'At least {min}.',
  'field.whole_number': 'Must be a whole number.',
  'field.positive': 'Must be a positive number.',
  'field.number_too_large': 'This number is too large.',
  'field.number': 'Must be a number.',
  'field.page_number': 'Page must be a positive whole number.',
  'field.list_cursor': 'Use the "next" value of the previous page.',
  'field.date': 'Use a date like 2026-11-26.',
  'field.datetime': 'Use an ISO date-time.',
  'field.colour': 'Use a colour like #1D4E89.',
  'field.time_zone': 'Use an IANA time zone such as Asia/Tashkent.',
  'field.bad_character': 'Remove the invisible control or broken characters from this field.',
  'field.locale': 'Choose a language.',
  'field.slug': 'Use lower-case Latin letters, digits and dashes.',

  // Edge, HTTP and database (src/http).
  'request.bad_character': 'The request contains a character that is not allowed (NUL or an unpaired surrogate).',
  'request.too_deep': 'The request is nested more than {max} levels deep.',
  'request.rate_limited': 'Too many requests. Try again in {seconds} s.',
  'request.no_endpoint': 'No such API endpoint.',
  'request.no_file': 'No such file.',
  'request.bad_value': 'A value in the request is out of range or not allowed.',
  'request.body_too_large': 'The request is too large.',
  'request.unsupported_type': 'This kind of request body is not accepted.',
  'request.invalid': 'The request is not valid.',
  'request.internal': 'Something went wrong on our side. Please try again.',
  'db.duplicate': 'Someone else just created the same thing. Reload and try again.',
  'db.reference': 'Something this refers to no longer exists, or is still in use. Reload and try again.',
  'db.retry': 'Someone else was saving the same story at this very moment, and your change was not saved. Try again.',

  // Accounts and sign-in.
  'account.email_invalid': 'Enter a valid e-mail address.',
  'account.name_invalid': 'Enter a name of 1–100 characters.',
  'account.already_set_up': 'The newsroom is already set up. Sign in instead.',
  'account.email_taken': 'A user with this e-mail already exists.',
  'account.no_user': 'No such user.',
  'account.role_invalid': 'Role must be one of {roles}.',
  'account.self_demote': 'You cannot demote or disable your own account; ask another administrator.',
  'account.current_password_wrong': 'The current password is not correct.',
  'account.enter_credentials': 'Enter your e-mail and password.',
  'account.enter_email': 'Enter your e-mail.',
  'account.enter_password': 'Enter your password.',
  'account.credentials_wrong': 'The e-mail or password is not correct.',
  'account.disabled': 'This account is disabled. Ask an administrator to enable it.',
  'account.locked': 'Too many failed sign-ins. Try again in {minutes} minutes.',
  'account.codes_locked': 'Too many failed code attempts. Try again in {minutes} minutes.',
  'password.too_short': 'Use at least {min} characters.',
  'password.too_long': 'Use at most {max} characters.',
  'password.contains_email': 'Do not use your e-mail name in the password.',
  'password.repeated': 'Do not repeat one character.',
  'auth.code_owed': 'Enter the code from your authenticator app to finish signing in.',
  'auth.enrol_owed': 'Your role requires two-factor sign-in. Set it up to continue.',
  'auth.cross_site': 'Cross-site request refused.',
  'auth.session_ended': 'Your session has ended. Sign in again.',
  'auth.csrf': 'Missing or stale security token. Reload the page and try again.',
  'auth.sign_in': 'Sign in to continue.',
  'auth.role_needed': 'This needs the {minRole} role or higher; your role is {role}.',
  'twofa.code_wrong': 'That code is not correct. Check the time on your phone and try the newest code.',
  'twofa.code_wrong_short': 'That code is not correct.',
  'twofa.already_on_restart': 'Two-factor sign-in is already on. Turn it off first to set up another phone.',
  'twofa.already_on': 'Two-factor sign-in is already on.',
  'twofa.not_started': 'Start the set-up first: no secret is waiting for confirmation.',
  'twofa.changed_elsewhere': 'Two-factor set-up was confirmed or restarted elsewhere. Reload and try again.',
  'twofa.no_code_owed': 'This session does not wait for a code.',
  'twofa.turned_off': 'Two-factor sign-in was turned off for this account. Sign in again.',
  'twofa.recovery_wrong': 'That recovery code is not valid or was already used.',
  'twofa.turn_on_first': 'Turn on two-factor sign-in first.',
  'twofa.required_for_role': 'Two-factor sign-in is required for the {role} role and cannot be turned off. An administrator can reset it if you lost your phone.',
  'twofa.not_on': 'Two-factor sign-in is not on.',
  'twofa.secret_unreadable': 'The stored two-factor secret cannot be read (was XABAR_SECRET_KEY changed?). Ask an administrator to reset two-factor sign-in for you.',
  'twofa.code_reused': 'That code was already used. Wait for the next one in your app.',
  'twofa.enter_code': 'Enter the code from your app or a recovery code.',

  // Stories and the editorial workflow.
  'story.not_found': 'No such story.',
  'story.role_may_not': 'Your role ({role}) may not {action} this story.',
  'story.role_may_not_while': 'Your role ({role}) may not {action} this story while it is {status}.',
  'story.locale_taken': 'The story already has an edition in this language.',
  'story.script_taken': 'The story already has an edition in the other script; re-sync it instead.',
  'story.section_gone': 'This section no longer exists.',
  'story.tag_gone': 'A chosen tag no longer exists.',
  'story.author_gone': 'A chosen author no longer exists.',
  'story.image_gone': 'The chosen image no longer exists.',
  'story.stale': 'Someone else saved this story after you opened it. Compare the versions and choose what to keep.',
  'story.published_needs_headline': 'A published story needs a headline.',
  'story.shared_fields': 'The {fields} belong to every language of this story, and it has a published or scheduled edition your role ({role}) may not edit. Ask an editor to change them.',
  'story.slug_taken': 'Another story already uses this address.',
  'story.concurrent_save': 'Someone else changed this story at the same moment. Reload and try again.',
  'story.not_uzbek': 'Only Uzbek editions have an edition in the other script.',
  'story.derive_from_uzbek': 'Derive from an Uzbek (Latin or Cyrillic) edition.',
  'story.not_derived': 'This edition is not derived from another one.',
  'story.source_gone': 'The source edition no longer exists.',
  'story.moved_meanwhile': 'The story was moved to {status} meanwhile. Reload it and try again.',
  'story.bad_transition': 'A {from} story cannot be moved to {to}.',
  'story.cannot_move': 'The story cannot be moved yet.',
  'story.headline_required': 'Write a headline before publishing.',
  'story.section_required': 'Choose a section before publishing.',
  'story.time_required': 'Choose the publication time.',
  'story.time_in_past': 'The publication time must be in the future.',
  'story.reason_required': 'Say why the story is taken down; it is kept in the audit log.',
  'story.send_back_reason_required': 'Say why the story goes back to draft; its author sees the reason in the editor.',
  'story.concurrent_move': 'Someone else moved this story at the same moment. Reload it and try again.',
  'story.note_invalid': 'Write the note (up to {max} characters).',
  'story.revision_not_found': 'No such revision.',
  'story.cannot_save': 'The story cannot be saved.',
  'story.needs_edition': 'A story needs at least one edition.',
  'story.headline_empty': 'The headline is empty.',
  'story.headline_too_long': 'The headline is longer than {max} characters.',
  'story.body_invalid': 'The body is not a valid document.',
  'story.published_needs_time': 'A published edition needs a publication time.',
  'story.derive_order': 'Derive from an edition listed before this one.',
  'page.cannot_save': 'The page cannot be saved.',
  'page.title_empty': 'The title is empty.',
  'page.title_too_long': 'The title is longer than {max} characters.',
  'page.slug_taken': 'Another page in this language already has the address «{slug}».',
  'page.stale': 'Someone saved this page first (now version {version}). Reload it and try again.',
  'page.not_found': 'No such page.',
  'body.too_deep': 'The body is nested more than {max} levels deep.',
  'body.too_many_parts': 'The body has more than {max} parts. Split the story.',
  'body.attrs_missing': 'A {type} block needs its settings: add it again from the toolbar.',
  'body.unreadable': 'The body is not a document the editor can open ({path}: {detail}).',

  // Sections, tags, authors.
  'taxonomy.slug_taken': 'This address is already used.',
  'taxonomy.name_required': 'Give a name in at least one language.',
  'taxonomy.section_not_found': 'No such section.',
  'taxonomy.tag_invalid': 'A tag is 1–{max} characters.',
  'taxonomy.tag_not_found': 'No such tag.',
  'taxonomy.author_not_found': 'No such author.',
  'taxonomy.photo_gone': 'The chosen photo no longer exists.',

  // Media library and uploads.
  'media.not_found': 'No such image.',
  'media.in_use_one': 'This image is in use (1 place: a story, an author photo or the site logo); remove it from there first.',
  'media.in_use': 'This image is in use ({count} places: stories, author photos or the site logo); remove it from them first.',
  'media.unavailable': 'Images are unavailable for a moment. Try again shortly.',
  'media.busy': 'Too many images are being processed right now. Try the upload again in a few seconds.',
  'upload.too_large': 'The file is larger than the {limitMb} MB limit. Resize it and try again.',
  'upload.one_file': 'Send one file per upload.',
  'upload.too_many_fields': 'The upload has too many fields: send the file with credit, alt, caption and locale only.',
  'upload.broken': 'The upload was cut off or is not valid multipart/form-data. Choose the file and try again.',
  'upload.not_multipart': 'Send the image as multipart/form-data with a "file" field.',
  'upload.choose_file': 'Choose an image file.',
  'image.unreadable': 'The file is not a readable image. Upload a JPEG, PNG, WebP, AVIF or GIF file.',
  'image.type_refused': 'Images of type {format} are not accepted. Upload a JPEG, PNG, WebP, AVIF or GIF file.',
  'image.no_size': 'The image has no size; it may be damaged.',
  'image.too_many_pixels': 'The image is {width}×{height} pixels ({megapixels} megapixels); the largest accepted is {maxMegapixels} megapixels. Resize it and upload it again.',
  'image.too_many_pixels_animated': 'The image is {width}×{height} pixels in {frames} frames ({megapixels} megapixels); the largest accepted is {maxMegapixels} megapixels. Resize it and upload it again.',
  'image.damaged': 'The image is damaged or incomplete (for example cut off during copying) and cannot be read. Save it again from an image editor and upload it again.',
  'image.stored_damaged': 'The stored image is damaged and cannot be re-encoded.',

  // Site settings.
  'settings.logo_missing': 'No image in the media library has this id. Choose an uploaded image.',
  'settings.logo_id': 'No image has this id.',
  'settings.default_locale': 'The default language must be one of the enabled ones.',
  // Backups (src/ops/backup).
  'backup.running': 'A backup is already queued or running. Wait for it to finish.',
  'backup.time_of_day': 'Use a time like 03:30 (24-hour clock).',
  'backup.keep': 'Keep between 1 and 365 backups.',
  // Webhooks (src/distribution/webhooks).
  'webhook.not_found': 'No such webhook endpoint.',
  'webhook.url_invalid': 'Enter a full http:// or https:// address without a user name or password.',
  'webhook.url_private': 'This address is private, loopback or reserved ({address}). Webhooks reach public addresses only, unless "Allow private targets" is on.',
  'webhook.url_unresolvable': 'The host name {host} does not resolve. Check the address.',
  'webhook.events_required': 'Choose at least one event.',
  'webhook.too_many': 'At most {max} webhook endpoints. Delete one you no longer need first.',
  // Planning, expiry, related stories, preview links, bulk actions, videos (issue 8 branches).
  'planning.range': 'Choose an end after the start, at most {maxDays} days later.',
  'analytics.range_order': 'The end date must not be before the start date.',
  'analytics.range_too_long': 'Choose at most {max} days.',
  'expiry.role_may_not': 'Your role ({role}) may not set when this story is taken down.',
  'expiry.not_live': 'Only a published or scheduled story can be set to expire.',
  'expiry.in_past': 'The expiry time must be in the future.',
  'expiry.before_publication': 'The expiry time must come after the publication time.',
  'related.role_may_not': 'Related stories belong to every language of this story, and your role ({role}) may not edit one of its editions. Ask an editor to change them.',
  'related.too_many': 'Pick at most {max} related stories.',
  'related.self': 'A story cannot be related to itself.',
  'related.gone': 'A chosen story no longer exists.',
  'preview.role_may_not': 'Your role ({role}) may not share previews. Ask an editor to make the link.',
  'preview.too_many': 'This story already has {max} active preview links. Revoke one you no longer need first.',
  'preview.link_not_found': 'No such active preview link; it may have expired or been revoked already.',
  'preview.expiry_choice': 'Choose 1 hour, 24 hours or 7 days.',
  'bulk.reason_required': 'Say why the stories are taken down; it is kept in the audit log.',
  'bulk.section_required': 'Choose a section.',
  'bulk.tag_required': 'Choose a tag.',
  'upload.video_not_multipart': 'Send the video as multipart/form-data with a "file" field.',
  'upload.choose_video': 'Choose a video file.',
  'video.busy': 'Other videos are being uploaded right now. Try again in a minute.',
  'taxonomy.tag_in_use_one': 'This tag is on 1 story. Confirm to remove it from the story and delete it.',
  'taxonomy.tag_in_use': 'This tag is on {count} stories. Confirm to remove it from them and delete it.',
  'taxonomy.merge_same': 'Choose another tag to merge into.',
  'taxonomy.merge_target_gone': 'The tag to merge into no longer exists.',

  // The desk: assignments and comments.
  'desk.assign_role': 'Only editors hand out assignments; your role is {role}.',
  'desk.reassign_role': 'Only editors change assignments; your role is {role}.',
  'desk.assignment_not_found': 'No such assignment.',
  'desk.assignment_done': 'This assignment is already done.',
  'desk.assignment_stale': 'Someone changed this assignment meanwhile. Reload it and try again.',
  'desk.complete_role': 'Only the assignee or an editor can mark this done.',
  'desk.assignee_inactive': 'Choose an active member of the newsroom.',
  'desk.assignee_cannot_open': "{name} cannot open this story: assign an editor, or the story's author.",
  'desk.reply_elsewhere': 'The comment you reply to is not on this story.',
  'desk.comment_edit_own': 'You can edit only your own comments.',
  'desk.comment_deleted_meanwhile': 'This comment was deleted meanwhile.',
  'desk.comment_delete_own': 'You can delete only your own comments.',
  'desk.comment_already_deleted': 'This comment was already deleted.',
  'desk.comment_not_found': 'No such comment.',
  'desk.too_many_mentions': 'Mention at most {max} people in one comment.',
  'desk.mention_inactive': 'A mentioned person is not an active member of the newsroom.',
  'desk.mention_cannot_open': '{name} cannot open this story, so cannot be mentioned on it.',
  'desk.comment_required': 'Write the comment.',

  // The wire for subscriber media (src/wire).
  'wire.key_missing': 'Send your API key in the Authorization header: "Authorization: Bearer <key>" (or "X-Api-Key: <key>").',
  'wire.key_in_query': 'API keys are not accepted in the URL, where they end up in logs. Send the key in a header: "Authorization: Bearer <key>" (or "X-Api-Key: <key>").',
  'wire.key_wrong_header': 'The API key was sent in the {header} header. Send it as "Authorization: Bearer <key>" (or "X-Api-Key: <key>").',
  'wire.key_wrong_scheme': 'Send the API key with the Bearer scheme: "Authorization: Bearer <key>" (or "X-Api-Key: <key>").',
  'wire.key_bad': 'This API key is not valid.',
  'wire.key_revoked': 'This API key was revoked. Ask the agency for a new one.',
  'wire.locale_forbidden': 'Your API key does not cover the language {locale}.',
  'wire.section_forbidden': 'Your API key does not cover the section {section}.',
  'wire.item_forbidden': 'Your API key does not cover this item\'s language or section.',
  'wire.item_not_found': 'No such item on the wire.',
  'wire.unknown_param': 'Unknown query parameter "{name}". Allowed: {allowed}.',
  'wire.repeated_param': 'Give the query parameter "{name}" once.',
  'wire.bad_limit': 'The limit must be a whole number from 1 to {max}.',
  'wire.bad_since': 'Give "since" as an ISO date-time such as 2026-03-02T09:00:00Z.',
  'wire.bad_order': 'The order must be "published" (newest first) or "changed" (oldest change first).',
  'wire.bad_locale': 'Unknown language "{locale}". Use one of: {allowed}.',
  'wire.bad_section': 'No section has the slug "{section}".',
  'wire.bad_id': 'An item id is a whole number from 1 to 2147483647.',
  'wire.bad_cursor': 'This cursor does not belong to this query. Use the "next" cursor the same query returned, or start again without one.',
  'wire.key_not_found': 'No such API key.',
  'wire.key_already_revoked': 'This API key was already revoked.',
  'wire.section_gone': 'A chosen section no longer exists.',
  // The public read API (src/api).
  'api.bad_query': 'Check the query parameters: {fields}.',
  'api.bad_cursor': 'This cursor is not valid for this query: pass the nextCursor of the previous page with the same parameters, or start without one.',
  'api.locale_off': 'The site does not publish in {locale}.',
  'api.unknown_param': 'Unknown parameter: see /api/docs for the ones this endpoint takes.',
  // Telegram channels (src/distribution/telegram).
  'telegram.target': 'Use @channelname or the numeric id of a private channel (-100…).',
  'telegram.token_format': 'A bot token looks like 123456789:AA… (ask @BotFather for it).',
  'telegram.not_retryable': 'Only a failed or uncertain post can be sent again.',
  'telegram.not_uncertain': 'Only a post whose outcome is uncertain can be marked as posted.',
  'telegram.role_may_not': 'Your role ({role}) may not change how this story goes to Telegram.',
  'translit.exception_taken': 'A spelling for this word already exists; change that one.',
  'translit.too_many': 'At most {max} exceptions can be kept.',
  'translit.not_found': 'No such exception.',
  'field.translit_latin': 'Write one Uzbek Latin word (letters, ʻ and ʼ, up to 100; no spaces or hyphens).',
  'field.translit_cyrillic': 'Write one Cyrillic word (letters, up to 100; no spaces or hyphens).',
} as const;

export type ApiMessageKey = keyof typeof API_MESSAGES;
export type ApiParams = Record<string, string | number>;

/** The {placeholders} of a template, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
/** `[]` for a template without placeholders, else `[params]` naming each one. */
export type ParamsArg<K extends ApiMessageKey> =
  [Placeholders<(typeof API_MESSAGES)[K]>] extends [never] ? [] : [params: Record<Placeholders<(typeof API_MESSAGES)[K]>, string | number>];

/** A message: its key, its parameters and the English text they make. */
export interface ApiMessage {
  readonly key: ApiMessageKey;
  readonly params: ApiParams;
  readonly message: string;
}

export function isApiMessageKey(k: unknown): k is ApiMessageKey {
  return typeof k === 'string' && Object.prototype.hasOwnProperty.call(API_MESSAGES, k);
}

export function englishMessage(key: ApiMessageKey, params: ApiParams = {}): string {
  return API_MESSAGES[key].replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
}

/** `msg('upload.too_large', { limitMb: 20 })`: what typed errors take instead of an English string. */
export function msg<K extends ApiMessageKey>(key: K, ...params: ParamsArg<K>): ApiMessage {
  const p: ApiParams = params[0] ?? {};
  return { key, params: p, message: englishMessage(key, p) };
}

/** The same for a key known only at run time (zod issues carrying a key as their message). */
export function msgDynamic(key: ApiMessageKey, params: ApiParams = {}): ApiMessage {
  return { key, params, message: englishMessage(key, params) };
}
