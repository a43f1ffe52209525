### mpn-support: the English words of every answer.
### Ids and codes never change with the language; dates stay YYYY-MM-DD.

## Shared words

incidents = { $n ->
    [0] not entitled
    [unlimited] unlimited incidents
    [one] { $n } incident
   *[other] { $n } incidents
}
list-separator = {", "}
list-each-separator = {"; "}
list-or = { $init } or { $last }
list-and = { $init } and { $last }
span-from = from { $from }
span-between = { $from } to { $until }
confidence-quoted = quoted
confidence-secondary = secondary
confidence-inferred = inferred
class-incidents = { $class }: { $incidents }

## What each rule found (finding-<code>, and its variants)

finding-on-premises-product = { $product } is an on-premises product: { $support_type } applies ({ $scope })
finding-cloud-product = { $product } is a cloud product: { $support_type } applies ({ $scope })

finding-offered-timeless = { $tier } is offered
finding-offered = { $tier } was offered on { $as_of } ({ $period })
finding-offered-note = { $tier } was offered on { $as_of } ({ $period }): { $note }
finding-grant-may-still-run = { $tier } could last be bought or renewed on { $last_sold }; a grant bought or renewed by then runs until { $runs_until }
finding-grant-benefits-month = { $tier } could last be bought or renewed on { $last_sold }; a membership bought then ended on { $membership_until }, and its benefits run { $days ->
    [one] { $days } day
   *[other] { $days } days
} more, until { $runs_until }
finding-no-longer-offered = { $tier } was last offered on { $last_sold }{ $instead }
finding-no-longer-offered-ran-out = { $tier } was last offered on { $last_sold } and its last grant ran out on { $ran_until }{ $instead }
finding-not-yet-offered = { $tier } was first offered on { $first }, after { $as_of }{ $instead }
instead-none = ; no offer of { $as_of } includes { $support_type }
instead-offers = ; on { $as_of } { $support_type } comes with: { $offers }
offer-grant = { $tier } ({ $incidents })
offer-grant-by-class = { $tier } (depending on the competency)

tier-alone = { $tier }
tier-with-competency = { $tier } with { $competency } ({ $class })
tier-with-class = { $tier } with any { $class }
finding-entitled = { $who } includes { $support_type }: { $incidents }
finding-entitled-pack = { $who } includes { $support_type }: { $incidents } ({ $pack })
finding-not-entitled = { $who } does not include { $support_type }
finding-entitled-by-class = { $tier } { $support_type } depends on the competency (none given): { $grant }

finding-excluded = { $product } requests cannot use { $support_type }: { $reason } (from { $from }; { $confidence })
finding-excluded-note = { $product } requests cannot use { $support_type }: { $reason } (from { $from }; { $confidence }: { $note })

finding-current-version-assumed = no version given: assumed { $version }, the current version of { $product } on { $as_of }
finding-no-released-version = { $product } has no version released on its main track by { $as_of }
finding-released = { $version } was released on { $release }
finding-not-yet-released = { $version } is not released yet (release { $release }); N and N-1 count released versions only
finding-main-track = { $version } is on the main track ({ $track })
finding-side-track = { $version } is on a side track ({ $track }); N and N-1 are counted on the main track ({ $main_track }) only
finding-current-version = { $version } is the current version (N)
finding-n-minus-1 = { $version } is the previous version (N-1); the current version is { $current }
finding-n-minus-2-or-older = { $version } is older than N-1 (N is { $current }, N-1 is { $previous }); { $count ->
    [0] on { $as_of } no version qualifies
    [1] on { $as_of } only { $qualifying } qualifies
   *[other] on { $as_of } { $qualifying } qualify
}
finding-no-mainstream-end = { $version } has no mainstream end date (Modern Lifecycle Policy): supported while current
finding-in-mainstream-support = { $version } is in mainstream support until { $end }
finding-mainstream-ended = { $version } mainstream support ended on { $end }; only versions in mainstream support qualify
finding-within-support-lifecycle = { $version } is still supported by Microsoft until { $end }: paid support is available
finding-within-support-lifecycle-open = { $version } is still supported by Microsoft: paid support is available
finding-out-of-support = { $version } left Microsoft support on { $end }: there is no Microsoft support at all, paid or free
finding-out-of-support-open = { $version } is outside the Microsoft support lifecycle: there is no Microsoft support at all
finding-cloud-not-versioned = { $product } is a cloud product: the N-1 version policy does not apply

finding-activated = the technical benefits are activated
finding-not-activated = the technical benefits are not activated yet: { $who } must activate them in Partner Center > Benefits > Technical benefits
finding-not-activated-role-can = the technical benefits are not activated yet: { $who } must activate them in Partner Center > Benefits > Technical benefits; as { $role } you can do it now
finding-not-activated-role-cannot-activate = the technical benefits are not activated yet: { $who } must activate them in Partner Center > Benefits > Technical benefits; { $role } cannot (a greyed-out Activate button): find a { $who } in User Management
finding-no-incidents-remaining = no incidents remain: the contract is invalid and hidden in the portals until a new one is bought
finding-contract-expired = the contract ended on { $end }: it is invalid and hidden in the portals
finding-contract-valid = the contract is valid
finding-contract-valid-remaining = the contract is valid, { $remaining ->
    [one] { $remaining } incident
   *[other] { $remaining } incidents
} remaining
finding-contract-valid-until = the contract is valid, until { $end }
finding-contract-valid-remaining-until = the contract is valid, { $remaining ->
    [one] { $remaining } incident
   *[other] { $remaining } incidents
} remaining, until { $end }
finding-ids-not-needed = { $product } needs no Access ID or Contract ID
finding-ids-already-linked = the Access ID and Contract ID are already linked to this account: no need to enter them again (an "Access ID is already associated" error can be ignored)
finding-ids-first-use = first use on this account: enter the Access ID and Contract ID when opening the request
finding-csp-support-plan = as a CSP partner you may open { $product } requests under the "Cloud Solution Provider" support plan, with no support contract
finding-admin-agent-request = a request for a customer's cloud workload is created in Partner Center by an { $who }
finding-admin-agent-request-role-can = a request for a customer's cloud workload is created in Partner Center by an { $who }; as { $role } you can
finding-role-cannot-request = a request for a customer's cloud workload is created in Partner Center by an { $who }; { $role } cannot: ask an { $who }
finding-role-can-use-channel = as { $role } you can open the request in { $channel }
finding-role-cannot-use-channel = { $role } cannot { $action }: { $who } can

## What each rule says (for explain): rule-<id>-title and rule-<id>-text

rule-support-type-title = Support type
rule-support-type-text = { $on_premises } covers on-premises products; { $cloud } covers cloud products.
rule-tier-offered-title = Offer
rule-tier-offered-text = A tier counts on the days it could be bought or renewed, and after its last day for as long as a grant bought then runs.
rule-tier-entitlement-title = Entitlement
rule-tier-entitlement-text = Each membership tier includes a set number of incidents per support type (see `mpn-support matrix`).
rule-tier-entitlement-text-by-class = Each membership tier includes a set number of incidents per support type; for { $cloud } it depends on whether the competency is a cloud competency (see `mpn-support matrix`).
rule-product-exclusion-title = Products a support type cannot serve
rule-product-exclusion-text = Some products cannot use a support type at all, whatever the tier.
rule-version-title = Version
rule-version-text = When no version is named, the current version (N) is the one that counts.
rule-released-title = Release
rule-released-text = Only versions released on or before the date count; the release day itself counts.
rule-main-track-title = Track
rule-main-track-text = N and N-1 are counted on the product's main, long-term track; side tracks such as a semi-annual channel or Mac editions do not count.
rule-n-minus-1-title = N-1 policy
rule-n-minus-1-text = Only recent on-premises products qualify: the current version (N) and the previous version (N-1).
rule-mainstream-support-title = Mainstream support
rule-mainstream-support-text = A version qualifies only while it is in mainstream support; the end date is the last day of it.
rule-extended-support-title = Microsoft support lifecycle
rule-extended-support-text = Outside the partner benefit, Microsoft still sells support (Pay Per Incident, Premier) for versions inside the support lifecycle; past the extended end there is no Microsoft support at all.
rule-version-policy-title = Cloud products
rule-version-policy-text = The N-1 version policy does not apply to cloud products.
rule-activation-title = Activation
rule-activation-text = Technical benefits must be activated in Partner Center before they can be used.
rule-contract-title = Contract
rule-contract-text = A contract that has expired or has no incidents left is invalid, and the portals hide it.
rule-access-ids-title = Access ID and Contract ID
rule-access-ids-text = The IDs are needed the first time each account uses the benefit; after that it stays associated with the account.
rule-csp-plan-title = CSP partners
rule-csp-plan-text = CSP partners may open Azure requests under the Cloud Solution Provider support plan without adding a support contract.
rule-customer-request-title = Requests for customers
rule-customer-request-text = A cloud request for a customer is created in Partner Center (CSP > Customers > Service management > New request).
rule-role-title = Role
rule-role-text = A request is opened where the account's role allows: Support for Business for on-premises products, Partner Center for a customer's cloud workload (Admin Agent).

## Assumptions, next steps and warnings of a decision

assumed-activated = the technical benefits are activated
assumed-contract-valid = the contract is valid and has incidents remaining
assumed-ids-at-hand = the Access ID and Contract ID are at hand if this account has not used the benefit before
assumed-grant-runs = your { $tier } benefits were bought or renewed on or before { $last_sold } and run past { $as_of }
assumed-grant-runs-benefits-month = your { $tier } benefits were bought or renewed on { $last_sold }, the last day they were sold: the membership year ended on { $membership_until }, and this answer rests on the benefits month after it (benefits end { $days ->
    [one] { $days } day
   *[other] { $days } days
} after the membership, on { $runs_until })
step-activate = activate the technical benefits first (a { $who })
step-enter-ids = enter the Access ID and Contract ID (Support for Business: Add Contract; Azure portal: Link support benefits)
step-csp-plan = or open it under the "Cloud Solution Provider" support plan
warning-grant-may-have-run-out = { $tier } could last be bought or renewed on { $last_sold } and no grant runs past { $runs_until }: this answer holds only if yours still runs on { $as_of } (give --contract-end to decide on it)
warning-grant-benefits-month = { $tier } could last be bought or renewed on { $last_sold }, and a membership bought then ended on { $membership_until }: this answer rests on the benefits month after the membership year, which ends on { $runs_until }, and holds only if yours was bought or renewed on { $last_sold } (give --contract-end to decide on it)

## The one-line answer and the period it was decided under

what-version = { $product } { $version }
what-assumed = { $product } { $version } (current version, assumed)
grant-pack = { $incidents } ({ $pack })
headline-eligible = ELIGIBLE: { $tier } gets { $support_type } for { $what } on { $as_of }: { $grant }
headline-eligible-until = ELIGIBLE: { $tier } gets { $support_type } for { $what } on { $as_of }: { $grant }, qualifies until { $until }
headline-not-eligible = NOT ELIGIBLE: { $tier } gets no { $support_type } for { $what } on { $as_of } ({ $failed })
headline-with-period = { $line } [{ $period }]
decided-under = { $program }; { $offer }; { $confidence }
decided-under-no-program = { $offer }; { $confidence }
offer-between = { $tier }, offered { $from } to { $until }
offer-from = { $tier }, offered from { $from }
offer-running-out = { $tier }, no longer sold, grants run until { $until }
offer-ended = { $tier }, no longer offered (since { $from })

## Warnings

warning-stale-entitlements = the entitlement table was generated on { $generated }, { $days } days before { $as_of }: the answer may be stale (a newer release of mpn-support brings a newer one, or give your own with --entitlements)
warning-stale-lifecycle = the lifecycle data was generated on { $generated }, { $days } days before { $as_of }: the answer may be stale (refresh it with `mpn-support lifecycle update`, or give your own with --lifecycle)

## roles

role-answer-yes = yes: { $role } may { $action }
role-answer-no = no: { $role } may not { $action } (who may: { $who }); { $remedy }

## programs

period-offer-note = { $name }: { $note }
period-figure-note = { $figure }: { $note }
period-exclusion-note = { $reason } ({ $note })
period-grant = no longer sold; a grant bought by { $last_sold } runs { $months } months{ $days ->
    [0] {""}
   *[other] {" "}and { $days } days
}, until { $runs_until }

## Batches and expectations

expiry = qualifies only until { $until }, { $days ->
    [one] { $days } day
   *[other] { $days } days
} after { $as_of }
mismatch-verdict = expected { $expected }, decided { $decided }
mismatch-verdict-failed = expected { $expected }, decided { $decided } ({ $failed })
mismatch-incidents = incidents: expected { $expected }, decided { $decided }
mismatch-channel = channel: expected { $expected }, decided { $decided }
mismatch-expires = qualifies only until { $until }, within the { $days } days of --fail-within
summary-check = { $eligible } eligible, { $not_eligible } not eligible, { $invalid } invalid
summary-check-fail-within = { $eligible } eligible, { $not_eligible } not eligible, { $invalid } invalid, { $expiring } stop qualifying within { $days } days
summary-verify = { $passed } passed, { $failed } failed

## Columns, labels and words of the human layouts

column-number = #
column-rule = rule
column-result = result
column-detail = detail
column-title = title
column-passed = passed
column-finding = finding
column-support-type = support type
column-competency = competency
column-product = product
column-current = current (N)
column-previous = previous (N-1)
column-entitled-versions = entitled versions
column-previous-mainstream-end = N-1 mainstream end
column-version = version
column-track = track
column-release = release
column-mainstream-end = mainstream end
column-extended-end = extended end
column-status = status
column-qualifies-until = qualifies until
column-role = role
column-kind = kind
column-subject = subject
column-from = from
column-until = until
column-confidence = confidence
column-sources = sources
column-source = source
column-url = url
column-name = name
column-class = class
column-aliases = aliases
column-file = file
column-line = line
column-column = column
column-severity = severity
column-entry = entry
column-message = message
column-verdict = verdict
result-pass = pass
result-fail = FAIL
answer-yes = yes
answer-no = no
class-any = any
support-type-scope = { $support_type } ({ $scope })
track-main = { $track } (main)
status-qualifies = qualifies
status-mainstream = mainstream
status-extended = extended
status-out-of-support = out of support
status-not-yet-released = not yet released
entitled-any-cloud = any (cloud)
entitled-none = none
entitled-excluded = none: excluded from { $support_type } since { $from }
label-warning = warning
label-error = error
heading-matrix = Technical support entitlement by membership tier
matrix-title = Entitlement matrix on { $as_of }: { $program } ({ $period }); figures { $count ->
    [0] undated
   *[other] { $confidences }
}
heading-products = Products and the versions entitled on { $as_of }
hint-versions = Each version's dates and status: add --versions (or --format json).
heading-programs = The rule book from { $from }, every period in date order
heading-sources = Sources
heading-competencies = Competencies and their classes (they matter only for the cloud support of the MPN tiers)
rules-as-of = Rules as published up to { $date }: `mpn-support programs` lists each fact's source.
heading-rules-checked = Rules checked
heading-next-steps = Next steps
heading-alternatives = Alternatives
alternative-gives = { $tier } ({ $grant })
alternative-would-give = for this request: { $gives }
heading-figures = About the figures
heading-notes = Notes
open-request = Open the request: { $channel }
assumed-not-stated = Assumed (not stated): { $assumed }
explain-title = { $title }.
explain-paragraph-met = { $text } Here: { $finding }. Met.
explain-paragraph-not-met = { $text } Here: { $finding }. Not met.
explain-next = Next: { $steps }.
explain-open = Open the request in { $channel } ({ $url }).
explain-alternative = { $name } ({ $url }): { $description }
explain-alternative-gives = { $name } ({ $url }): { $description }; for this request: { $gives }
explain-instead = Instead: { $alternatives }.
explain-assumes = This answer assumes { $assumed }.
diagnose-matched = Matched:  "{ $text }" ({ $id }, score { $score })
diagnose-cause = Cause:    { $cause }
diagnose-action = Do this:  { $action }
diagnose-portal = Portal:   { $portal }
diagnose-source = Source:   Microsoft, "Technical Support for On-premises or Cloud products", section: { $section }
diagnose-no-match = No known portal message or symptom matches "{ $input }". Known ones:
data-entitlements = entitlement table
data-lifecycle = lifecycle data
origin-built-in = built-in
origin-file = file
origin-updated = updated
data-line = { $what }: { $origin }
data-line-path = { $what }: { $origin } { $path }
data-line-generated = { $what }: { $origin }, generated { $generated }
data-line-path-generated = { $what }: { $origin } { $path }, generated { $generated }
validate-summary = checked { $files }: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
import-summary = ({ $products } products, { $versions } versions, { $changes ->
    [one] { $changes } change
   *[other] { $changes } changes
}, { $warnings ->
    [one] { $warnings } source warning
   *[other] { $warnings } source warnings
})
import-would-update = would update { $output } { import-summary }
import-unchanged = unchanged: { $output } { import-summary }
import-wrote = wrote { $output } { import-summary }
row-line = line { $line }: { $text }
row-with-warning = { $line } [warning: { $warning }]
row-invalid = line { $line }: error: { $message }
verify-fail = FAIL line { $line }: { $request }: { $mismatches }
verify-fail-period = FAIL line { $line }: { $request }: { $mismatches } [{ $period }]
verify-invalid = ERROR line { $line }: { $message }
rules-as-of-short = Rules as published up to { $date }.
open-request-label = Open the request:
heading-programs-short = The rule book from { $from }
row-error = error: { $message }
row-with-problems = { $line } (warning: { $problems })
row-with-failures = { $line } (fails the gate: { $problems })
row-expectation-failed = FAIL: { $request }: { $mismatches }
eligible-but = eligible, but { $problem }
junit-case = line { $line }: { $request }
junit-invalid-request = line { $line }: invalid request
junit-invalid-expectation = line { $line }: invalid expectation
junit-warning = warning: { $warning }
title-invalid-request = invalid request
title-invalid-expectation = invalid expectation
expiry-fail-within = qualifies only until { $until }, { $days ->
    [one] { $days } day
   *[other] { $days } days
} after { $as_of }: within the { $within } days of --fail-within

## The picture (products --format svg)

svg-title = Partner support windows as of { $as_of }
svg-desc = Per version: a bar from release to the end of mainstream support and on to the end of extended support; the stretch entitled to free partner support (N or N-1 in mainstream support) in green; the as-of day as a dashed red line.
svg-legend-entitled = entitled (N or N-1, mainstream)
svg-legend-mainstream = mainstream support
svg-legend-extended = extended support only
svg-as-of = as of { $as_of }
svg-older = { $count ->
    [one] { $count } older version not shown
   *[other] { $count } older versions not shown
}
svg-cloud = a cloud product: not versioned, every use qualifies (no N-1 policy)
svg-cloud-excluded = a cloud product its support type cannot serve on this day: no use qualifies
svg-no-version = no version supported in the last ten years
svg-no-end = no end date known
svg-entitled = entitled { $from } to { $until }
svg-never-entitled = never entitled
svg-tooltip = { $product } { $version }: released { $release }; mainstream support to { $mainstream }; extended support to { $extended }; { $entitled }
warning-fail-within = qualifies only until { $until }, within the { $days } days of --fail-within: exit 1
row-with-failure = { $line } [fails the gate: { $warning }]
row-number = { $line }
row-number-carried = { $line } [{ $carried }]
azure-issue = { $what }: { $message }

## Errors

error-value = `{ $value }`
error-value-cut = `{ $value }...` ({ $bytes } bytes)
error-unknown-of = {" "}of `{ $of }`
error-did-you-mean = : did you mean `{ $suggestion }`?
error-valid = {" "}(valid: { $choices })
error-unknown-name = unknown { $kind } { $value }{ $of }{ $suggestion }{ $valid }
kind-tier = tier
kind-product = product
kind-version = version
kind-competency = competency
kind-role = role
kind-action = action
kind-name = name
error-cloud-version = `{ $product }` is a cloud product and has no versions (cloud products are not affected by the N-1 policy): drop `--version { $version }`
error-cloud-version-in-name = `{ $product }` is a cloud product and has no versions (cloud products are not affected by the N-1 policy): `{ $typed }` ends in `{ $version }`; name the product alone
error-cloud-version-row = `{ $product }` is a cloud product and has no versions (cloud products are not affected by the N-1 policy): leave the `version` column empty
error-version-clash = `{ $product }` names version `{ $tail }`, but --version says `{ $version }`: give the version once
error-version-clash-row = `{ $product }` names version `{ $tail }`, but the `version` column says `{ $version }`: give the version once
error-several-versions = `{ $spelled }` names { $count } versions of { $product }: give one of them ({ $versions }); on { $as_of } { $qualifying_count ->
    [0] none of them qualifies
   *[other] these qualify: { $qualifying }
}
error-no-support-type = the entitlement table has no support type for { $deployment } products
error-before-rule-book = the rule book starts on { $first }: `{ $as_of }` is before it, so nothing can be decided (use an as-of date on or after { $first })
error-no-published-figure = no published figure for `{ $tier }` with { $support_type } on { $as_of }: the rule book has figures for it { $documented }
error-contract-end-beyond = --contract-end `{ $end }` is after { $last }, the last day a `{ $tier }` grant held on { $as_of } can run: check the date, or leave --contract-end out
error-contract-end-beyond-row = contract_end `{ $end }` is after { $last }, the last day a `{ $tier }` grant held on { $as_of } can run: check the date, or leave the `contract_end` column empty
error-incidents-beyond-pack = --incidents-remaining `{ $left }` is more than the { $most } incidents a `{ $tier }` pack holds on { $as_of }: check the number (Support for Business shows it at step 2), or leave --incidents-remaining out
error-incidents-beyond-pack-row = incidents_remaining `{ $left }` is more than the { $most } incidents a `{ $tier }` pack holds on { $as_of }: check the number (Support for Business shows it at step 2), or leave the `incidents_remaining` column empty
error-list = { $errors }
deployment-on-premises = on-premises
deployment-cloud = cloud
error-cannot-read = cannot read `{ $path }`: { $message }
reason-not-found = no such file
reason-permission-denied = permission denied
reason-directory = is a directory, not a file
reason-not-regular = not a regular file (a pipe, device or socket): save the data to a file first
error-cannot-write = cannot write `{ $path }`: { $message }
error-no-data-folder = this system names no per-user data folder (no home directory): give the file to write with --output
error-empty-input = `{ $path }`: empty input: expected a CSV header row, JSON Lines or a JSON array
error-bad-input = `{ $path }`: { $message }
error-format-for-batch = the `{ $format }` format is for `check --batch` only (a single check takes text, json, jsonl, markdown or csv)
error-format-unsupported = the `{ $format }` format is for { $what }
error-invalid-data = invalid data ({ $count ->
    [one] { $count } error
   *[other] { $count } errors
}):
error-import-invalid = the imported data would not load, so nothing was written ({ $count ->
    [one] { $count } error
   *[other] { $count } errors
}):
error-and-more = and { $count } more
error-fetch = cannot fetch `{ $slug }` (product `{ $product }`) from { $url }: { $problem }
fetch-missing = the API has no such product (HTTP 404): it may have been renamed upstream; the catalogue's slug needs updating, so nothing was written
fetch-status = the server answered HTTP { $status }, not a success (2xx)
fetch-timeout = no complete answer within { $seconds } s, the time the whole update may take (raise it with --timeout)
fetch-host-not-found = the host name does not resolve (DNS): check the address and the network
fetch-connect = cannot connect ({ $detail }): check the address and the network
fetch-truncated = the answer was cut short ({ $detail })
fetch-too-large = the answer is larger than { $mib } MiB
error-timed-out = the update did not finish within { $seconds } s (downloads and conversion), so nothing was written: raise it with --timeout
data-built-in = the built-in data
error-loss = the update would remove { $count ->
    [one] { $count } version
   *[other] { $count } versions
} that { $current } has, so nothing was written (if upstream really dropped them, run again with --allow-removals; --dry-run lists every change):
error-loss-product = product `{ $product }` would lose { $all ->
    [all] all { $had } of its versions
   *[some] { $lost } of its { $had } versions
}{ $sourced ->
    [yes] {" "}(from { $from })
   *[no] {""}
}: { $names }

## Batch input (check --batch, verify): the file, its header, its rows and their values

error-bad-input-line = `{ $path }`: line { $line }: { $message }
kind-channel = channel
input-utf16 = the file is UTF-16 text (it starts with a UTF-16 byte order mark): save it as UTF-8
input-not-utf8 = the text is not UTF-8: save the file as UTF-8
input-separator = the header has no `,` but has { $separator ->
    [tab] a tab
   *[other] `{ $separator }`
}: the file separates its columns with { $separator ->
    [tab] tabs
   *[other] `{ $separator }`
}, and a batch expects `,` (save it as comma-separated values)
input-blank-column = column { $position } of the header has no name: name the column, or remove it
input-unknown-column = unknown column `{ $name }`: did you mean `{ $meant }`? (a column that is none of { $known } is carried through as the inventory's own, unread)
input-duplicate-column = duplicate column `{ $name }` (each column once)
input-missing-column = the header has no `{ $column }` column
input-row-too-long = the row is { $bytes } bytes long, more than the { $max } a row may have
input-field-too-long = `{ $column }` is { $bytes } bytes long, more than the { $max } a field may have
input-field-count = expected { $expected } fields like the header, found { $found }
input-open-quote = the quote that opens field { $field } is never closed, so everything after it up to the end of the input was read into that field: close the quote (a quote inside a field is written `""`)
input-parser = { $message }
input-array-cut-short = the JSON array is cut short: the file ends before its closing `]`
input-row-cut-short = the row is cut short: its JSON object does not end on this line
input-array-too-large = a JSON array over { $mib } MiB: use JSON Lines (one object per line), which is read as it streams
input-not-an-object = a row is a JSON object of columns (`{"{"}"tier": ..., "product": ...{"}"}`), not { $found ->
    [array] an array
    [string] a string
    [number] a number
    [boolean] `true` or `false`
   *[null] `null`
}
input-blank-key = a key is blank: every column needs a name
input-given-twice = `{ $column }` is given twice (each column once)
input-not-text = `{ $key }`: expected text, found `{ $found }`
input-missing = missing `{ $column }`
input-missing-expect = missing `expect` (eligible | not-eligible)
input-cell = { $column }: { $problem }
input-cannot-read = cannot read: { $message }
input-no-requests = no requests: the input has no rows (give --allow-empty to accept an empty batch)
input-no-expectations = no expectations: the file has no rows (give --allow-empty to accept an empty file)
value-not-date = `{ $value }` is not a real date in the form YYYY-MM-DD
value-not-count = `{ $value }` is not a whole number from 0 to { $max }
value-not-days = `{ $value }` is not a number of days: a whole number from 0 to { $max }, with or without `d` (90 or 90d)
value-not-yes-no = `{ $value }` is none of `yes`, `no`, `true`, `false` (any case)
value-not-incidents = `{ $value }` is neither a whole number from 0 to { $max } nor `unlimited` (any case)
value-not-verdict = `{ $value }` is neither `eligible` nor `not-eligible`
