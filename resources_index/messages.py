"""Every sentence the core can fail with, in English, by kind: the one place they are defined.

An error carries its kind and the values its sentence names (``errors.Words``); the command line
says it in English with these templates, and the window says it in the interface's language
(``sop_desktop/error_sentences.py`` looks the same template up in its translations). A value that is
itself ``Words`` (a reason, a nested error) is said the same way. Kinds starting ``publish.``,
``extract.``, ``metadata.``, ``key.`` and ``cli.`` are met only on the command line.

Longer than 400 lines: one table, a sentence a line or two, kept in one place on purpose.
"""

MESSAGES: dict[str, str] = {
    # -- catalogs -----------------------------------------------------------------------------
    # -- a value of the format refused (catalog/validation.py, records.py, field_kinds.py) -
    # ``where`` is the part at fault, said with a ``where.`` kind at the start of the sentence.
    "where.catalog": "The catalog",
    "where.resource_number": "Resource number {number}",
    "where.resource": "Resource {id!r}",
    "where.file": "{where}, file {name!r}",
    "where.kit_number": "Kit number {number}",
    "where.kit": "Kit {id!r}",
    "where.term_number": "Term number {number}",
    "where.report_term_number": "Report term number {number}",
    "where.rendition_number": "Rendition number {number}",
    "where.rendition_of": "The rendition of {id!r}",
    "where.instrument_number": "Instrument number {number}",
    "where.instrument": "Instrument {id!r}",
    "where.search_index": "The catalog's search index",
    "invalid.not_object": "{where} is not an object.",
    "invalid.no_text": "{where} has no {name!r} text.",
    "invalid.too_long": "{where}: {name!r} is longer than {limit} characters.",
    "invalid.empty": "{where}: {name!r} is empty.",
    "invalid.not_list": "{where}: {name!r} is not a list.",
    "invalid.too_many_values": "{where}: {name!r} has too many values.",
    "invalid.value_not_short_text": "{where}: {name!r} holds a value that is not short text.",
    "invalid.too_many_records": "{where} lists too many {name}.",
    "invalid.unsafe_name": "{where} names a file {value!r} that is refused: {reason}.",
    "invalid.no_catalog_id": "{where} has no valid catalog_id.",
    "invalid.id": "{where} has an invalid id.",
    "invalid.type": "{where} has an invalid type.",
    "invalid.language": "{where} has an invalid language.",
    "invalid.translation": "{where} names an invalid translation.",
    "invalid.no_files": "{where} lists no files.",
    "invalid.role": "{where} has an unknown role.",
    "invalid.sha256": "{where} has no valid SHA-256.",
    "invalid.size": "{where} has no valid size.",
    "invalid.media_type": "{where} has a media type the format does not allow.",
    "invalid.file_not_object": "{where} lists a file that is not an object.",
    "invalid.file_too_large": "{where} is larger than the format allows ({size:,} bytes).",
    "invalid.main_file_count": "{where} must have exactly one main file.",
    "invalid.index_among_files": "{where} lists a search index among its files.",
    "invalid.rendition_among_files": (
        "{where} lists a rendition among its files (renditions are listed apart)."
    ),
    "invalid.text_files": "{where} has more than one text file.",
    "invalid.text_media_type": "{where} has a text file of the wrong media type.",
    "invalid.manifest_not_object": "The catalog's manifest is not a JSON object.",
    "invalid.not_manifest": "This file is not an SOP catalog manifest.",
    "invalid.version": (
        "The catalog has no valid version number (a whole number from 1 to {limit:,})."
    ),
    "invalid.no_resources": "The catalog lists no resources.",
    "invalid.too_many_resources": "The catalog lists more than {limit:,} resources.",
    "invalid.resource_twice": "The catalog lists resource {id!r} twice.",
    "invalid.expires_before_created": "The catalog expires before it was created.",
    "invalid.kits_not_list": "The catalog's kits are not a list.",
    "invalid.too_many_kits": "The catalog lists too many kits.",
    "invalid.kit_twice": "The catalog lists kit {id!r} twice.",
    "invalid.no_items": "{where} lists no items.",
    "invalid.too_many_items": "{where} lists too many items.",
    "invalid.item_not_object": "{where} has an item that is not an object.",
    "invalid.item_resource_lacking": "{where} names a resource the catalog lacks: {id!r}.",
    "invalid.item_start": "{where} has an item whose start is not a page or a second.",
    "invalid.terms_not_list": "The catalog's terms are not a list.",
    "invalid.too_many_terms": "The catalog lists too many terms.",
    "invalid.renditions_not_list": "The catalog's renditions are not a list.",
    "invalid.instrument_among_files": (
        "{where} lists an instrument among its files (instruments are listed apart)."
    ),
    "invalid.instruments_not_list": "The catalog's instruments are not a list.",
    "invalid.too_many_instruments": "The catalog lists too many instruments.",
    "invalid.instrument_twice": "The catalog lists instrument {id!r} twice.",
    "invalid.instrument_role": "{where} must have the role 'instrument'.",
    "invalid.instrument_not_form": "{where} is not a form definition.",
    "invalid.instrument_too_large": "{where} is larger than the format allows ({size:,} bytes).",
    "invalid.too_many_renditions": "The catalog lists more renditions than resources.",
    "invalid.rendition_twice": "The catalog lists two renditions of {id!r}.",
    "invalid.rendition_role": "{where} must have the role 'rendition'.",
    "invalid.rendition_not_pdf": "{where} is not a PDF.",
    "invalid.rendition_not_office": "{where} belongs to a file that is not an office document.",
    "invalid.report_terms_not_list": "The catalog's report terms are not a list.",
    "invalid.too_many_report_terms": "The catalog lists too many report terms.",
    "invalid.index_role": "{where} must have the role 'index'.",
    "invalid.index_not_tar": "{where} is not a tar archive.",
    "invalid.index_schema": "{where} has no valid schema number.",
    "invalid.not_kit": "{where} is not a session kit.",
    "invalid.kit_items": "{where} has no valid list of items.",
    "invalid.kit_item_resource": "{where} names an invalid resource.",
    "invalid.kit_item_note": "{where} has a note that is not short text.",
    "invalid.kit_name": "{where} has no valid name.",
    "invalid.kit_id": "{where} has no valid id.",
    # A time of the catalog (catalog/times.py): ``when`` names which.
    "when.created": "creation time",
    "when.expires": "expiry time",
    "when.last_sync": "last sync",
    "when.last_attempt": "last sync attempt",
    "invalid.time_missing": "The catalog's {when} is missing or not a time.",
    "invalid.time": "The catalog's {when} ({value!r}) is not a valid time.",
    "invalid.time_zone": "The catalog's {when} ({value!r}) has no time zone.",
    "invalid.time_range": "The catalog's {when} ({value!r}) is out of range.",
    # Why a file name is refused (catalog/limits.py).
    "name.empty": "it is empty",
    "name.too_long": "it is longer than {limit} characters",
    "name.absolute": "it is an absolute path",
    "name.drive": "it names a Windows drive",
    "name.character": "it contains {character}, a character that is not allowed in file names",
    "name.outside": "it steps outside its folder",
    "name.space_or_dot": "a part of it begins or ends with a space or a dot",
    "name.reserved": "it uses a device name that Windows has reserved",
    "catalog.web_page": (
        "Received a web page instead of a catalog (a sign-in page or the wrong address)."
    ),
    "catalog.not_catalog": "This file is not an SOP catalog.",
    "catalog.format_version": (
        "The catalog uses a format version this program cannot read; update SOP Desktop."
    ),
    "catalog.untrusted_key": (
        "The catalog is signed with a key this library does not trust, fingerprint {key}. If"
        " the statewide team confirms that fingerprint, trust their public key file (.pub) in"
        " Settings › Trusted keys, with sop-resources sync --trust KEY.pub, or in the"
        " machine's policy (trusted_keys)."
    ),
    "catalog.bad_base64": "The catalog's signature or manifest is not valid base64.",
    "catalog.bad_signature": (
        "The catalog's signature does not match its contents: it was altered or damaged."
    ),
    "catalog.starter_key": (
        "{origin} is the starter key, which is trusted only for the catalog shipped with SOP"
        " Desktop, never for one from a server, share or drive."
    ),
    "catalog.not_found": "No catalog found in {folder} (it has no {file}).",
    "catalog.too_large": "{path} is larger than the format allows.",
    "catalog.server_too_large": "The server's catalog is larger than the format allows.",
    "catalog.index_too_large": "The server's catalog index is larger than the format allows.",
    "catalog.rollback": (
        "This catalog is version {version}, older than version {highest} that this library"
        " already accepted; it was refused."
    ),
    "catalog.same_version": (
        "This catalog claims version {version}, which this library already holds with different"
        " contents; it was refused."
    ),
    "catalog.expired": (
        "This catalog expired on {date}; it may be a stale copy. Get a newer one from the server"
        " or your administrator."
    ),
    # -- the library ----------------------------------------------------------------------------
    "library.cannot_create": "Cannot create the library folder {root}: {reason}.",
    "library.catalog_damaged": (
        "The library's catalog file is damaged ({reason}) Import a library from a drive, or"
        " sync, to repair it."
    ),
    "library.policy_unreadable": (
        "{reason} The catalog on this laptop was signed by a key only the policy names, so it"
        " opens again once the policy file is fixed."
    ),
    "library.key_withdrawn": (
        "The library's catalog is signed with a key your administrator no longer trusts"
        " ({key}); sync from the server your administrator set, or ask them."
    ),
    "library.state_unopenable": "The library's state file {path} cannot be opened: {reason}.",
    "library.state_not_file": (
        "The library's state file {path} is not a file (a folder or something else is in its"
        " place). Move it out of the library folder and start again."
    ),
    "library.state_key_lost": (
        "The library's state file was damaged and set aside, and the key that signed the"
        " installed catalog ({key}) was trusted only there. Sync again with --trust and that"
        " key's file, or import a library from a drive."
    ),
    "library.locked": (
        "Another SOP Desktop program is using the library in {root} (the desktop program, or"
        " another sync or import). Close it or wait for it to finish, then try again; --wait"
        " SECONDS waits for it."
    ),
    "library.no_catalog_to_verify": "There is no catalog in {root} to verify.",
    "library.no_catalog_yet": "There is no catalog installed yet; sync first.",
    "library.no_such_resource": "No resource with id {id!r} in this library.",
    "library.not_written": "{path} could not be written ({reason}).",
    "library.folder_unwritable": "The library folder could not be written ({reason}).",
    "library.sync_no_room": (
        "This sync needs {needed}, and {reserve} is kept free for the system; the disk holding"
        " the library has {free} free. Free {short} more, or choose a smaller download limit in"
        " Settings."
    ),
    "library.catalog_no_room": (
        "The new catalog needs {needed}, and {reserve} is kept free for the system; the disk"
        " holding the library has {free} free. Free {short} more and sync again."
    ),
    "library.disk_full": (
        "The disk holding the library is full. What this sync had downloaded was removed again;"
        " free some space and sync again."
    ),
    # -- usage reports (reports/delivery.py) --------------------------------------------------
    "reports.moved": (
        "Usage reports were not delivered: the reports address moved (the server answered"
        " {status} with another address). They wait on this laptop; ask your administrator to"
        " correct reports_url in the policy."
    ),
    "reports.not_delivered": (
        "Usage reports were not delivered: {reason}. They wait on this laptop for the next sync."
    ),
    "reports.credentials_wrong": (
        "Usage reports were not delivered: the reports server did not accept this county's user"
        " name and password (401). They wait on this laptop; ask your administrator to check"
        " reports_user and reports_password in the policy."
    ),
    "reports.forbidden": (
        "Usage reports were not delivered: the reports server refused them (403), as it does"
        " for a county writing outside its own folder. They wait on this laptop; ask your"
        " administrator to check county and reports_user in the policy."
    ),
    "reports.credentials_in_clear": (
        "Usage reports were not sent: {url} begins with http://, so the county's password would"
        " cross the network unencrypted. They wait on this laptop; ask your administrator for"
        " an https:// reports_url."
    ),
    "reports.not_recorded": (
        "Usage reports were delivered, but could not be recorded as sent on this laptop"
        " ({reason}): they stay waiting and go again at the next sync, and the server keeps"
        " one copy of each."
    ),
    "reports.export_not_recorded": (
        "The reports were written, but could not be recorded as sent on this laptop"
        " ({reason}): the next export writes them again, and the statewide summary counts"
        " each once."
    ),
    "reports.closed_while_sending": (
        "Usage reports were not delivered: the program was closed while sending them. They"
        " wait on this laptop for the next sync."
    ),
    "reports.too_slow": (
        "Usage reports were not delivered: the reports server did not answer within {seconds}"
        " seconds. They wait on this laptop for the next sync."
    ),
    # -- the machine-wide policy (config/policy.py) ---------------------------------------------
    "policy.unusable": (
        "The policy file {path} cannot be used: {reason}. No policy applies until it is fixed."
    ),
    "policy.unusable_kept": (
        "The policy file {path} cannot be used: {reason}. The last valid policy (read"
        " {read_at}) applies until it is fixed."
    ),
    "policy.faulty_kept": (
        "The policy file {path} has {count} problem(s), named below: the last valid policy"
        " (read {read_at}) applies until they are fixed."
    ),
    "policy.why.missing": "it is missing",
    "policy.why.unreadable": "it cannot be read ({reason})",
    "policy.why.not_table": "it does not hold a table of settings",
    # Values of a policy or a settings file that were ignored (config/policy.py, settings.py).
    "policy.wrong_kind": "{path}: {key} has a value of the wrong kind; ignored.",
    "policy.negative": "{path}: {key} cannot be negative; ignored.",
    "policy.unknown_key": "{path}: unknown key {key!r} ignored.",
    "policy.repeated_key": (
        "{path}: key {key!r} is given twice in one table; only the last one is read."
    ),
    "policy.settings_not_table": "{path}: 'settings' must be a table; ignored.",
    "policy.locked_not_list": "{path}: 'locked' must be a list of setting names; ignored.",
    "policy.lock_unknown": "{path}: cannot lock unknown setting {name!r}.",
    "policy.bad_address": (
        "{path}: {key} {value!r} is not a valid web address (http:// or https://, a machine's"
        " name, a port from 1 to 65535); ignored."
    ),
    "policy.kept_copy": "the last valid policy kept in {kept}",
    "policy.at_line": "{path}, line {line}",
    "policy.keys_not_list": (
        "{where}: trusted_keys must be a list of public keys (PEM texts); ignored."
    ),
    "policy.bad_key": (
        "{where}: key {number} of trusted_keys is not a public key in PEM form (a character"
        " missing, added or changed?); ignored."
    ),
    "policy.keys_unsure": (
        "{path}: until trusted_keys is fixed, no new catalog signed by a key only the policy"
        " names is accepted; the catalog installed stays readable."
    ),
    "policy.faulty_unsure": (
        "{path}: until its problems are fixed, a key it does not name is not taken as withdrawn:"
        " the catalog installed stays readable, and no new catalog signed by a key only a"
        " policy named is accepted."
    ),
    "setting.in_file": "{path}: {problem}",
    "setting.unreadable": "{path} could not be read ({reason}); using defaults.",
    "setting.damaged": (
        "Your settings file {path} is damaged ({reason}), so the built-in settings apply."
        " Saving settings keeps the damaged file aside in the set-aside folder beside it."
    ),
    "setting.unknown": "unknown setting {name!r} ignored.",
    "setting.trusted_keys": "trusted_keys must be a list of PEM texts; ignored.",
    "setting.bad_keys": (
        "trusted_keys holds text that is not a public key in PEM form (entry {numbers}: a"
        " character missing, added or changed?); ignored, the other keys are trusted."
    ),
    "setting.download_policy": "download_policy must be one of {choices}; ignored.",
    "setting.interface_language": (
        "interface_language must be 'en', 'es' or empty (the system's); ignored."
    ),
    "setting.server_address": (
        "{name} must be an address beginning http:// or https://; {value!r} is not; ignored."
    ),
    "setting.proxy_address": (
        "{name} must be an address beginning http:// or https:// or socks5:// or socks5h://;"
        " {value!r} is not; ignored."
    ),
    "setting.appearance": "appearance must be 'light', 'dark', 'high_contrast' or empty; ignored.",
    "setting.download_limit": "download_limit_mb must be a whole number of megabytes; ignored.",
    "setting.not_text": "{name} must be text; ignored.",
    # Why a JSON (or TOML) file was refused by the bounded reader (util/safe_json.py).
    "json.syntax_at": "line {line} is not valid {language}",
    "json.syntax": "it is not valid {language}",
    "json.not_text_at": "line {line} is not UTF-8 text",
    "json.not_text": "it is not UTF-8 text",
    "json.reason_too_large": "it is larger than allowed",
    "json.reason_too_deep": "it is nested more deeply than allowed",
    "json.big_number": "it holds a number larger than allowed",
    "json.not_finite": "it holds a value that is not a finite number (NaN, Infinity, or 1e400)",
    "json.not_regular": "it is not a regular file",
    # -- bundles --------------------------------------------------------------------------------
    "bundle.no_catalog": "There is no catalog in {root} to export.",
    "bundle.starter_only": (
        "This library holds only the starter catalog, which comes with every installation; sync"
        " from the server first, then export."
    ),
    "bundle.folder_not_empty": (
        "{out} is not empty and holds no catalog; choose an empty folder so nothing of yours is"
        " overwritten."
    ),
    "bundle.not_written": (
        "Could not write the bundle to {out}: {reason}. The library is unchanged."
    ),
    "bundle.copy_damaged": (
        "This library's copy of {reason} Run 'sop-resources verify' and sync to repair it; the"
        " bundle was not finished."
    ),
    "bundle.lacks": (
        "The bundle lacks {name!r}, which the catalog requires; the library was not changed."
    ),
    "bundle.wrong_size": (
        "{name!r} in the bundle is {size:,} bytes, not the {declared:,} the catalog declares; the"
        " library was not changed."
    ),
    "bundle.unreadable": (
        "{name!r} in the bundle cannot be read ({reason}); the library was not changed."
    ),
    # -- files of the library -------------------------------------------------------------------
    "object.required_missing": (
        "{count} required files are missing (first: {name!r}); the library was not changed."
    ),
    "object.not_local": "{name} is not on this laptop yet; download it first.",
    "object.damaged_not_saved": (
        "The library's copy of {name} is damaged, so it was not saved. Sync, or run a check of"
        " the library, to repair it."
    ),
    "object.damaged_not_opened": (
        "The library's copy of {name} is damaged, so it was not opened. Sync, or run a check of"
        " the library, to repair it."
    ),
    "object.larger": (
        "{name!r} is larger than the catalog declares ({size:,} bytes instead of {declared:,})."
    ),
    "object.smaller": (
        "{name!r} is smaller than the catalog declares ({size:,} bytes instead of {declared:,})."
    ),
    "object.hash_mismatch": "{name!r} does not match its SHA-256: it was altered or damaged.",
    "captions.invalid": "The captions file {name} cannot be shown: it is not valid WebVTT.",
    "captions.unreadable": "The captions file {name} cannot be read ({reason}).",
    # -- session kits ---------------------------------------------------------------------------
    "kit.not_ready": (
        "{count} files of the kit are not on this laptop; make the kit available offline first."
        " {first}"
    ),
    "kit.missing_file": "{title!r}: {name} ({size:,} bytes) is not on this laptop.",
    "kit.unknown_resource": "{id!r} is not in this library's catalog (sync first).",
    "kit.folder_not_empty": "{out} is not empty; choose an empty folder for the kit.",
    "kit.copy_damaged": (
        "The library's copy of {name} is damaged, so the kit was not exported. Sync, or run a"
        " check of the library, to repair it."
    ),
    "kit.not_a_kit_file": "{file} is not a readable kit file ({reason}).",
    "kit.not_a_kit": "{file} is not a session kit (it has no {member}).",
    "kit.member_too_large": "{file}: {member} is larger than the format allows.",
    "kit.member_unreadable": "{file}: {member} cannot be read ({reason}).",
    "kit.lacks": "The kit lacks {name!r}; nothing was imported.",
    "kit.wrong_size": (
        "{name!r} in the kit is {size:,} bytes, not the {declared:,} its catalog declares;"
        " nothing was imported."
    ),
    "kit.file_unreadable": "{name!r} in the kit cannot be read ({reason}).",
    "kit.no_room": (
        "The kit needs {needed}, and {reserve} is kept free for the system; the disk holding"
        " the library has {free} free. Free {short} more; nothing was imported."
    ),
    "kit.no_such": "There is no kit {id!r}.",
    "kit.unreadable": "The kit {id!r} cannot be read ({reason}).",
    # -- instruments (forms) --------------------------------------------------------------------
    "instrument.definition_invalid": (
        "The instrument {form!r} cannot be used ({reason}); sync again, or tell the content team."
    ),
    "instrument.response_unreadable": (
        "The saved answers in {path} cannot be read ({reason}); they were left as they are."
    ),
    "instrument.no_such_question": "The instrument has no question {name!r}.",
    # Why saved answers cannot be read (instruments/responses.py).
    "response.too_large": "it is larger than a response can be",
    "response.not_json": "it is not complete JSON",
    "response.not_response": "it is not a saved response of this program",
    "response.answers_not_mapping": "its answers are not a mapping",
    "response.value_not_text": "a value in it is not a text",
    "instrument.export_warning": (
        "The exported files hold every completed response as written, text answers included:"
        " keep them where only your county's analysts can read them, and never send them by"
        " e-mail."
    ),
    # -- cancelled by the user ------------------------------------------------------------------
    "cancel.import": "Import cancelled; the library was not changed.",
    "cancel.bundle_export": "Export cancelled; the folder holds no new catalog.",
    "cancel.kit_export": "Export cancelled; no kit was written.",
    "cancel.kit_import": "Import cancelled; the kit was not added.",
    "cancel.download": "Download cancelled; what was fetched is kept.",
    "cancel.copy": "Cancelled; nothing was written.",
    "cancel.wait": "Gave up waiting for the library.",
    # -- the search index shipped with a catalog ------------------------------------------------
    "index.unexpected_entry": "The shipped search index holds an unexpected entry {name!r}.",
    "index.unreadable": "The shipped search index cannot be read ({reason}).",
    "index.unopenable": "The shipped search index cannot be opened ({reason}).",
    "index.wrong_count": (
        "The shipped search index holds {count} documents, not the catalog's {expected}."
    ),
    # -- syncing --------------------------------------------------------------------------------
    "sync.unreachable": "Could not reach {url}: {reason}. The library was not changed.",
    "sync.catalog_http_error": (
        "Could not get the catalog from {url}: {reason}. The library was not changed."
    ),
    "sync.catalog_stalled": (
        "The server at {url} sends the catalog too slowly (it stalled); the library was not"
        " changed. Try again later."
    ),
    "sync.not_web_address": (
        "{url} is not a valid web address (it must begin http:// or https:// and name a"
        " machine, with a port from 1 to 65535): check the server address."
    ),
    "sync.credentials_in_clear": (
        "Nothing was sent to {url}: the address holds a user name and password but begins with"
        " http://, so they would cross the network unencrypted. Use its https:// address."
    ),
    "sync.not_changed": "{reason} The library was not changed.",
    "sync.download_failed": "{reason}",
    "transfer.unreachable": "Could not reach the server for {name!r}: {reason}.",
    "transfer.refused": "Could not download {name!r}: {reason}.",
    "transfer.interrupted": (
        "The download of {name!r} was interrupted ({reason}); the next sync resumes it where it"
        " stopped."
    ),
    "transfer.too_large": "{name!r} is larger than the catalog declares; it was refused.",
    "transfer.stalled": (
        "The download of {name!r} stalled; the next sync resumes it where it stopped."
    ),
    "transfer.ended_early": (
        "The download of {name!r} ended early ({size:,} of {declared:,} bytes); the next sync"
        " resumes it where it stopped."
    ),
    "transfer.hash_mismatch": (
        "{name!r} does not match its SHA-256: it was altered or damaged; refused."
    ),
    # Why a request failed (reasons inside the sentences above).
    "net.redirect_loop": (
        "the server sends the request round in circles (a redirect loop); tell whoever runs it"
    ),
    "net.not_web_address": (
        "the server redirected to an address that is not a web address; check the server"
        " address in Settings"
    ),
    "net.certificate": (
        "the server's certificate is not trusted by this computer; if your network inspects"
        " secure connections, ask IT to install its certificate or set a CA bundle"
    ),
    "net.proxy": (
        "the proxy could not be reached or refused the connection; check the proxy setting"
    ),
    "net.name_lookup": "its name could not be looked up; check the network",
    "net.ca_bundle": (
        "the CA bundle {path} set in ca_bundle cannot be used ({reason}); correct ca_bundle in"
        " Settings or ask your administrator"
    ),
    "net.timeout": "it did not answer in time",
    "net.cut": "the connection was cut",
    "net.offline": "no connection could be made; you may be offline",
    "net.closed": (
        "the server closed the connection without answering; tell whoever runs it if this goes on"
    ),
    "http.401": (
        "the server asks for a sign-in before it gives {what}; the catalog must be public: tell"
        " whoever runs the server"
    ),
    "http.403": (
        "the server refuses to give {what} (403): its files may not be readable by the web"
        " server; tell whoever runs it"
    ),
    "http.404": (
        "the server does not have {what} at this address (404): check the server address in"
        " Settings, or the catalog is not published there yet"
    ),
    "http.407": "the proxy asks for a sign-in (407); ask IT for the proxy setting",
    "http.busy": "the server is busy or being updated ({status}); try again later",
    "http.other": "the server answered {status} for {what}",
    # -- the catalog in parts (catalog-index.json, its pages and parts) -------------------------
    "parts.page_pieces": "A page of the catalog lists no pieces, or more than {most:,} in all.",
    "parts.too_large": "The catalog's pieces are too large.",
    "parts.do_not_add_up": "The catalog's pieces do not add up to it.",
    "parts.not_the_manifest": "The catalog's parts do not make up the manifest its index signs.",
    "parts.index_not_object": "The catalog's index is not a JSON object.",
    "parts.not_an_index": "This file is not an SOP catalog index.",
    "parts.format_version": (
        "The catalog uses a format version this program cannot read; update SOP Desktop."
    ),
    "parts.no_catalog_id": "The catalog's index has no valid catalog_id.",
    "parts.no_version": "The catalog's index has no valid version.",
    "parts.no_manifest": "The catalog's index does not describe its manifest.",
    "parts.manifest_ref": "The catalog's index gives no valid hash and size.",
    "parts.no_signature": "The catalog's index holds no valid signature.",
    "parts.no_outline": "The catalog's index has no outline, or one of more than {most:,} entries.",
    "parts.pages_too_large": "The catalog's index names pages larger than the format allows.",
    "parts.piece_invalid": "A piece of the catalog's index is not valid.",
    "parts.part_ref": "A part of the catalog's index has no valid hash and size.",
    "parts.missing": (
        "The server does not have part {name} of the catalog (a new version may be uploading)."
    ),
    "parts.refused": "The server did not give part {name} of the catalog: {reason}.",
    "parts.unreachable": "Could not reach the server for part {name} of the catalog: {reason}.",
    "parts.interrupted": "The download of part {name} of the catalog was interrupted ({reason}).",
    "parts.stalled": "The download of part {name} of the catalog stalled.",
    "parts.larger_than_declared": (
        "Part {name} of the catalog is larger than its index declares; it was refused."
    ),
    "sync.parts_then_whole": (
        "{part} The whole catalog could not be fetched instead either. {reason}"
    ),
    "sync.deferred_files": "Files that will download when opened: {count}.",
    "sync.missing_files": (
        "Files the server does not hold yet (they will download when opened): {count}."
    ),
    "sync.up_to_date": "Already up to date: this library holds catalog version {version}.",
    "sync.up_to_date_unchanged": "Already up to date: the server's catalog has not changed.",
    "parts.damaged": (
        "The catalog's part {name} is damaged (its hash is not the one its index signs)."
    ),
    "what.catalog_index": "the catalog's index",
    "what.catalog_page": "a page of the catalog",
    "what.catalog": "the catalog",
    "what.manifest": "the catalog's manifest",
    "what.catalog_file": "the catalog file",
    "json.too_large": "The contents of {what} are larger than the format allows ({size:,} bytes).",
    "json.not_utf8": "The contents of {what} are not UTF-8 text; it may be damaged.",
    "json.invalid": (
        "The contents of {what} are not valid JSON (at byte {position:,}); it may be damaged."
    ),
    "json.too_deep": "The contents of {what} are nested more deeply than the format allows.",
    "json.number_too_large": "The contents of {what} hold a number larger than the format allows.",
    "what.file": "{name!r}",
    # -- signing keys (publishing) --------------------------------------------------------------
    "key.exists": "{path} already exists; refusing to overwrite a key.",
    "key.private_unreadable": "Cannot read the signing key {path}: {reason}.",
    "key.private_not_pem": "{path} is not an unencrypted PEM private key.",
    "key.private_not_ed25519": "{path} is not an Ed25519 private key.",
    "key.public_not_pem": "{origin} is not a PEM public key.",
    "key.public_not_ed25519": "{origin} is not an Ed25519 public key.",
    "key.public_unreadable": "Cannot read the public key {path}: {reason}.",
    # -- publishing -----------------------------------------------------------------------------
    "publish.not_folder": "{source} is not a folder.",
    "publish.out_inside_source": (
        "The output folder must be outside the source folder, and not contain it."
    ),
    "publish.key_inside_out": "The private key must not be inside the output folder.",
    "publish.out_not_folder": "{out} is not a folder: choose a new or empty folder to publish to.",
    "publish.out_not_catalog": (
        "{out} already holds files and no catalog published before; nothing was changed. Choose"
        " a new or empty folder, or the folder you published into before."
    ),
    "publish.bad_catalog_id": "The catalog id {id!r} must be lower-case letters and digits.",
    "publish.not_signed_with_key": (
        "{path} is not a catalog signed with this key ({reason}) Publish to an empty folder, or"
        " use the key that made it."
    ),
    "publish.laptops_would_refuse": (
        "Nothing was published: laptops would refuse this catalog ({reason})"
    ),
    "publish.changed_meanwhile": "{path} changed while it was being published; publish again.",
    "publish.too_large": "{file}: {size:,} bytes is over the limit of {limit:,}; skipped.",
    "publish.bad_language": "{file}: {value!r} is not a language code like en or es.",
    "publish.no_libreoffice": (
        "LibreOffice was not found at {program!r}; give the path of its soffice program, or"
        " leave --libreoffice out to look for it."
    ),
    "publish.nothing": (
        "Nothing was published: {source} {found}. A catalog carries files of these kinds: {kinds}"
        " (captions as .vtt beside their video, thumbnails as images beside their file)."
    ),
    "publish.found_no_files": "holds no files (hidden ones aside)",
    "publish.found_other_kinds": (
        "holds {count} file(s), none of a kind a catalog carries (the first: {first})"
    ),
    "publish.found_none_publishable": (
        "holds {count} file(s), and none of them could be published (see the lines above)"
    ),
    "publish.unusable_name": "{file}: no usable file name can be made from {name!r}; skipped.",
    "extract.password": "{name} is password-protected; publish an unlocked copy.",
    "extract.not_pdf": "{name} is damaged or is not a PDF ({reason}).",
    "extract.damaged": "{name} is damaged or is not a {kind} file ({reason}).",
    "extract.unreadable": "{name} could not be read ({reason}).",
    "extract.too_large_inside": (
        "{name} is not read: {reason}. It may be damaged or made to exhaust memory; publish"
        " a copy saved again from its program."
    ),
    "extract.bad_captions": "{name} is not a valid WebVTT captions file ({reason}).",
    "metadata.broken_yaml": "{name}: the YAML is broken{where}.",
    "metadata.unreadable": "{name}: cannot be read ({reason}).",
    "metadata.not_mapping": "{name}: expected keys and values, found something else.",
    "metadata.no_header": "{name}: the first row must name the columns, including 'file'.",
    "publish.form_unreadable": (
        "{file} is not a readable .xlsx spreadsheet ({reason}); save it again as .xlsx from"
        " Excel or LibreOffice."
    ),
    "publish.form_too_large": "{file} is {size:,} bytes, over the limit of {limit:,} for a form.",
    "publish.form_unpacks_too_large": (
        "{file} unpacks to {size:,} bytes ({part}), over the limit of {limit:,} for a form; it"
        " was refused without being unpacked."
    ),
    "publish.form_too_many_rows": (
        "{file}: the {sheet} sheet has more than {limit:,} rows, over the limit for a form."
    ),
    "publish.form_too_many_cells": (
        "{file}: the {sheet} sheet has more than {limit:,} cells, over the limit for a form."
    ),
    "publish.form_cell": "{file}: sheet {sheet}, row {row}, column {column}: {reason}",
    "publish.form_row": "{file}: sheet {sheet}, row {row}: {reason}",
    "publish.form_problem": "{file}: {reason}",
    "publish.expression_invalid": "{problem} at character {position} of {expression!r}.",
    # -- the command line -----------------------------------------------------------------------
    "cli.no_server": "no server address: give a URL or set one in the settings.",
    "cli.no_server_policy": (
        "no server address: {policy} Give a URL, or ask your administrator to fix the policy."
    ),
    "cli.not_settable": "{name!r} cannot be set here; choose one of {choices}.",
    "cli.locked_by_policy": (
        "{name} is set by your administrator's policy ({policy}) and cannot be changed."
    ),
    "cli.give_value": "Give a value for {name}.",
    "cli.whole_number": "{name} must be a whole number.",
    "cli.refused": "{detail}",
    # -- reasons: what the system said, as a phrase inside a sentence (``errors.reason_of``) -
    "os.failed_at": "{action}: {path} could not be written ({reason}).",
    "os.failed": "{action}: {reason}.",
    "os.action.settings": "The settings were not saved",
    "os.action.sync": "Nothing was synced",
    "os.action.offline": "The files were not kept on this laptop",
    "os.action.import": "Nothing was imported",
    "os.action.other": "The {command} command did not finish",
    "os.disk_full": "the disk is full",
    "os.permission_denied": "permission was denied",
    "os.read_only": "the disk is read-only",
    "os.not_found": "it does not exist",
    "os.exists": "something of that name is already there",
    "os.is_a_folder": "it is a folder",
    "os.not_a_folder": "part of its path is not a folder",
    "os.in_use": "another program is using it",
    "os.name_too_long": "its name is too long",
    "os.device_error": "the disk could not be read or written",
    "os.other": "the system refused (error {number})",
    "reason.damaged": "it is damaged or not in the expected format",
    "reason.unexpected": "an unexpected problem (the log file has the details)",
    "task.failed": "Something went wrong: {reason}. Details are in the log file.",
    "task.failed_with": "Something went wrong with {path}: {reason}. Details are in the log file.",
}

#: Kinds only the command line meets: the window has no translation of them.
COMMAND_LINE_ONLY = ("publish.", "extract.", "metadata.", "key.", "cli.")
