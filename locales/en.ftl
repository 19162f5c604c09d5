# dealform's words in English: the catalog every other language follows, key for key.
# Fluent syntax (https://projectfluent.org/): `{ $name }` is filled in by the app; a
# `{ $count -> … }` block picks the form the language's plural rules ask for.
# A new language is this file translated, saved as locales/{code}.ftl (README, "Languages").

# How the language is written: ltr (left to right) or rtl (right to left).
direction = ltr

## Shared

loading = Loading…
retry = Retry
cancel = Cancel
yes = Yes
no = No
landmark-of = { $part } ({ $list })
warning-no-storage = This browser does not allow storage here: deals will be lost when the page closes.

## The standalone page's title

title-list = Deals — dealform
title-new = New deal — dealform
title-edit = Edit deal — dealform

## Starting up

app-open-failed = The deals could not be opened
config-needs-fixing = The configuration needs fixing
config-widget-needs-fixing = This deals widget needs fixing

## The deal list

list-heading = Deals
list-heading-numbered = Deals { $number }
list-search = Search deals
list-no-search = { $crm }'s deal list cannot be searched.
list-new = New deal
list-loading = Loading deals…
list-load-failed = The deals could not be loaded
list-show-failed = The deals could not be shown
list-no-more = There are no more deals after these.
list-empty = No deals yet. Use “New deal” to add the first one.
list-no-match = No deals match “{ $search }”.
list-sorted-ascending = Sorted by { $column }, ascending.
list-sorted-descending = Sorted by { $column }, descending.
list-stage-ids = The stage names could not be loaded from { $crm } ({ $reason }), so the Stage column shows stage ids.
list-reset = Reset local data
list-reset-title = Reset the deals stored in this browser?
list-reset-body = The unreadable data is kept aside under another storage key, and the list starts empty.
list-reset-unavailable = The reset could not be offered
list-reset-done = The unreadable data was set aside under the storage key “{ $key }”. Starting afresh.

## Pages and the scrolling list

pager-landmark = Pages
pager-previous = Previous page
pager-next = Next page
pager-range-of-total = { $first }–{ $last } of { $total } { $total ->
    [one] deal
   *[other] deals
    }
pager-one-of-total = { $first } of { $total } { $total ->
    [one] deal
   *[other] deals
    }
pager-range = Deals { $first }–{ $last }
pager-one = Deal { $first }
scroll-landmark = All deals, scrollable
scroll-count = { $count } { $count ->
    [one] deal
   *[other] deals
    }
scroll-count-loaded = { $count } { $count ->
    [one] deal
   *[other] deals
    }, { $loaded } loaded
scroll-load-failed = Some deals could not be loaded. { $reason }
scroll-row-failed = Not loaded

## Drafts

draft-new = You have an unsaved new deal: { $name }.
draft-edit = You have unsaved changes to { $name }.
draft-region = Unsaved draft of { $name }
draft-untitled = (no name yet)
draft-quoted = “{ $name }”
draft-resume = Resume draft
draft-discard = Discard draft
draft-discarded = Draft discarded.

## Outcomes

notice-created = Created “{ $name }”.
notice-updated = Saved changes to “{ $name }”.
notice-deleted = Deleted “{ $name }”.
notice-open = Open “{ $name }”

## Fields

field-name = Name
field-amount = Amount
field-currency = Currency
field-stage = Stage
field-close-date = Close date
field-probability = Win probability
field-owner = Owner
field-company = Company
field-description = Description
field-custom = Custom field
# YSUITE's name for the stage.
field-pipeline = Pipeline

## The form

form-title-new = New deal
form-title-edit = Edit deal
form-open-failed = The form could not be opened
form-deal-open-failed = This deal could not be opened
form-back = Back to deals
form-required-note = Fields marked * are required.
form-save = Save
form-saving = Saving…
form-delete = Delete
form-amount-hint = For example { $example }
form-probability-hint = 0 to 100 percent
form-currency-hint = Three-letter code, e.g. USD or EUR
form-must-be = Must be { $format }
form-stages-failed = The stage list could not be loaded ({ $reason }); type the stage id.
form-no-owner-lookup = { $crm } has no look-up of owners: type the id ({ $format })
form-no-company-lookup = { $crm } has no look-up of companies: type the id ({ $format })
form-errors-summary = { $count ->
    [one] { $count } field needs attention before saving: { $fields }.
   *[other] { $count } fields need attention before saving: { $fields }.
    }
form-refused = { $count ->
    [one] The deal was not saved: check { $fields }, which says what is wrong.
   *[other] The deal was not saved: check { $fields }. Each says what is wrong.
    }
form-refused-because = The deal was not saved: check { $fields }. The CRM said: { $reason }
form-save-failed = { $outcome } { $reason } Your changes are kept in this form.
form-delete-failed = { $outcome } { $reason }
form-new-holds-changes = The new-deal form holds other unsaved changes: save or discard them first.
form-keep-as-new = Keep my changes as a new deal
form-restored = Your unsaved changes from earlier are restored.
form-discard-restored = Discard restored changes
form-restored-discarded = Restored changes discarded: the form shows the deal as it is.
form-discard-title = Discard unsaved changes?
form-discard-body = What you typed in this form will be lost.
form-discard-confirm = Discard changes
form-keep-editing = Keep editing
form-delete-title = Delete “{ $name }”?
form-delete-body = The deal is removed for good. This cannot be undone.
form-delete-confirm = Delete deal
select-placeholder = Choose…
select-no-longer-offered = { $id } (no longer offered)
picker-choices = { $label } choices
picker-empty = Nothing to choose from yet: type a name or an id.
picker-no-match = No match for “{ $query }”: what you typed is kept as the id.
picker-failed = The names could not be looked up ({ $reason }). Type the id instead.

## Validation

error-required = { $label } is required
error-too-long = { $label } must be at most { $max } { $max ->
        [one] character
       *[other] characters
    } (it has { $count })
error-too-short = { $label } must be at least { $min } { $min ->
        [one] character
       *[other] characters
    } (it has { $count })
error-format = { $label } must be { $format }
error-negative = { $label } cannot be negative
error-at-least = { $label } must be at least { $min }
error-whole-number-range = { $label } must be a whole number from { $min } to { $max }
error-choose-from-list = Choose one from the list
error-must-be-ticked = { $label } must be ticked
error-number = { $label } must be a number such as { $example }
error-number-at-least = { $label } must be at least { $min }
error-number-at-most = { $label } must be at most { $max }
error-email = { $label } must be an email address such as name@example.com
error-url = { $label } must be a web address starting with https://
error-phone = { $label } must be a phone number: digits, spaces, + - ( ) and at least 5 digits
error-currency-code = Currency must be a three-letter ISO 4217 code such as USD or EUR
error-currency-unlisted = Currency must be an ISO 4217 code in use, such as USD or EUR; “{ $code }” is not one
error-date-format = Enter a date as YYYY-MM-DD
error-date-no-such-day = { $date } is not a day in the calendar
error-date-range = Close date must be between { $min } and { $max }
error-date-unreadable = Enter a whole date that exists, or clear the field
error-amount-number = Enter a number such as { $example }
error-amount-ambiguous = Use “{ $decimal }” for decimals, as in { $example }
error-amount-precision = { $currency } amounts have { $digits ->
    [0] no decimal places
    [one] at most { $digits } decimal place
   *[other] at most { $digits } decimal places
    }
error-amount-too-large = Amount is too large
error-amount-other-currency = This amount is in { $currency }, not “{ $typed }”
format-uuid = a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a
format-integer = a whole number id
format-prefixed = an id starting with { $prefix }
format-email = an email address
format-member = a workspace member's email address (or the id shown for them)
format-record-or-domain = a company's domain such as example.com (or the id shown for it)

## What went wrong

outcome-not-saved = The deal was not saved.
outcome-not-deleted = The deal was not deleted.
outcome-maybe-not-saved = The deal may not have been saved.
outcome-maybe-not-deleted = The deal may not have been deleted.
outcome-unreadable-saved = The deal may have been saved, but the CRM's answer could not be read: check the deal list before saving again.
outcome-unreadable-deleted = The deal may have been deleted, but the CRM's answer could not be read: check the deal list before deleting again.
error-fields-refused = Some fields were refused: each says why.
error-not-found = That deal no longer exists; it may have been deleted elsewhere.
error-unauthorized = The CRM refused the credentials: { $reason }
error-forbidden = The CRM does not allow these credentials to do this.
error-forbidden-because = The CRM does not allow these credentials to do this: { $reason }
error-rate-limited = The CRM is limiting requests. Try again shortly.
error-rate-limited-for = The CRM is limiting requests. Try again in { $seconds } { $seconds ->
    [one] second
   *[other] seconds
    }.
error-unreachable = Could not reach the CRM: { $reason }
error-code-unreachable = Part of the app could not be fetched. Check the connection, then retry; if that does not help, reload the page.
error-code-gone = Part of the app is no longer on the server: it was updated since this page was opened. Reload the page to go on.
error-malformed = The CRM sent a reply that could not be read: { $detail }
error-storage-corrupt = The deals saved in this browser could not be read ({ $reason }).
error-storage-unavailable = The browser could not store the deals: { $reason }
error-refused = The CRM refused the request ({ $status }).
error-refused-because = The CRM refused the request ({ $status }), and { $reason }
error-crm-problem = The CRM had a problem ({ $status }).
error-crm-problem-because = The CRM had a problem ({ $status }): { $reason }
error-html-answer = it answered with an HTML page, not its JSON API (a proxy or gateway error?)
error-unexpected-answer = its answer was not the JSON its API documents
error-explanation-unread = its explanation could not be read. { $reason }
error-address-deals = { $crm } answered “not found” (404) when asked for its deals: the address dealform was given for it may be wrong. Check base_url in the configuration (it is { $base_url }).
error-address-stages = { $crm } answered “not found” (404) when asked for its stages: the address dealform was given for it may be wrong. Check base_url in the configuration (it is { $base_url }).
error-address-owners = { $crm } answered “not found” (404) when asked for its owners: the address dealform was given for it may be wrong. Check base_url in the configuration (it is { $base_url }).
error-address-companies = { $crm } answered “not found” (404) when asked for its companies: the address dealform was given for it may be wrong. Check base_url in the configuration (it is { $base_url }).
error-create-address = { $crm } answered “not found” (404) when sent the new deal at { $url }: the address dealform was given for it may be wrong. Check base_url, and { $setting } if it is set, in the configuration.
backend-no-local-data = { $backend } keeps no data in this browser
stages-from-config = The stage list could not be loaded from { $crm } ({ $reason }); showing the stages from the configuration.
network-cannot-send = the browser cannot send requests
network-offline = this browser is offline. Reconnect, then try again ({ $detail }).
network-failed = { $crm } did not answer: the connection failed or dropped. Check the internet connection, then try again. If it keeps failing, tell whoever set up dealform: its base_url may be wrong, or { $crm } may not take requests from this page (CORS) ({ $detail }).
network-check-connection = Check the internet connection, then try again
network-cut-off = { $crm }'s answer was cut off: the connection dropped. { $next }. ({ $detail }).
network-timed-out = { $crm } did not answer within { $seconds } { $seconds ->
    [one] second
   *[other] seconds
    }
network-timed-out-then = { $timeout }. { $next }
network-may-have-created = The deal may have been created anyway: check the deal list before saving again
network-may-have-saved = The change may have been saved anyway: check the deal before saving again
network-may-have-deleted = The deal may have been deleted anyway: check the deal list before deleting again
activity-rate-limited = { $crm } asked to slow down: trying again in { $seconds } { $seconds ->
    [one] second
   *[other] seconds
    }…
