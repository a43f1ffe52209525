### mpn-support: the Japanese words of every answer (回答の日本語).
### Same message ids and variables as en.ftl. Ids and codes never change with the language;
### dates stay YYYY-MM-DD. Terms follow docs/glossary.ja.md (Microsoft Japan's human-edited
### forms); style: です/ます in sentences, fragments without 「。」 in table cells, a half-width
### space between Japanese and Latin letters or numbers, portal labels in half-width [ ].
### A finding (a rule's detail) is one or more sentences without the final 「。」: a table cell
### shows it as is, and explain adds the 「。」.

## Shared words

# Unlimited is not a number: 「無制限のインシデント」 (HT: 「無制限のプリセールス サポート」).
incidents = { $n ->
    [0] なし
    [unlimited] 無制限のインシデント
   *[other] { $n } インシデント
}
list-separator = {"、"}
list-each-separator = {"、"}
list-or = { $init } または { $last }
list-and = { $init } と { $last }
span-from = { $from } 以降
span-between = { $from } から { $until } まで
confidence-quoted = 引用
confidence-secondary = 二次情報
confidence-inferred = 推定
class-incidents = { $class }: { $incidents }

## What each rule found (finding-<code>, and its variants)

finding-on-premises-product = { $product } はオンプレミス製品です。{ $support_type } が適用されます ({ $scope })
finding-cloud-product = { $product } はクラウド製品です。{ $support_type } が適用されます ({ $scope })

finding-offered-timeless = { $tier } は提供されています
finding-offered = { $as_of } 時点で、{ $tier } は提供されています ({ $period })
finding-offered-note = { $as_of } 時点で、{ $tier } は提供されています ({ $period })。{ $note }
finding-grant-may-still-run = { $tier } を購入または更新できた最終日は { $last_sold } です。それまでに購入または更新された特典は { $runs_until } まで有効です
finding-grant-benefits-month = { $tier } を購入または更新できた最終日は { $last_sold } です。その日に購入したメンバーシップは { $membership_until } に終了し、特典はさらに { $days } 日間、{ $runs_until } まで有効です
finding-no-longer-offered = { $tier } の最終提供日は { $last_sold } です{ $instead }
finding-no-longer-offered-ran-out = { $tier } の最終提供日は { $last_sold } で、最後に付与された特典も { $ran_until } に終了しました{ $instead }
finding-not-yet-offered = { $tier } の提供開始は { $first } で、{ $as_of } より後です{ $instead }
instead-none = 。{ $as_of } 時点で { $support_type } を含むメンバーシップ プランはありません
instead-offers = 。{ $as_of } 時点で { $support_type } を含むのは { $offers } です
offer-grant = { $tier } ({ $incidents })
offer-grant-by-class = { $tier } (コンピテンシーによって異なる)

tier-alone = { $tier }
tier-with-competency = { $tier } ({ $competency }、{ $class })
tier-with-class = { $tier } (任意の{ $class })
finding-entitled = { $who } には { $support_type } の { $incidents } が含まれます
finding-entitled-pack = { $who } には { $support_type } の { $incidents } ({ $pack }) が含まれます
finding-not-entitled = { $who } には { $support_type } が含まれません
finding-entitled-by-class = { $tier } の { $support_type } はコンピテンシーによって異なります (コンピテンシーの指定なし): { $grant }

finding-excluded = { $product } のリクエストには { $support_type } を使用できません。{ $reason } ({ $from } 以降、確度: { $confidence })

finding-excluded-note = { $product } のリクエストには { $support_type } を使用できません。{ $reason } ({ $from } 以降、確度: { $confidence }。{ $note })
finding-current-version-assumed = バージョンが指定されていないため、{ $as_of } 時点の { $product } の最新バージョンである { $version } を想定しています
finding-no-released-version = { $as_of } までにメイン トラックでリリースされた { $product } のバージョンはありません
finding-released = { $version } は { $release } にリリースされました
finding-not-yet-released = { $version } はまだリリースされていません (リリース日: { $release })。N と N-1 は、リリース済みのバージョンだけで数えます
finding-main-track = { $version } はメイン トラック ({ $track }) のバージョンです
finding-side-track = { $version } はメイン以外のトラック ({ $track }) のバージョンです。N と N-1 は、メイン トラック ({ $main_track }) のバージョンだけで数えます
finding-current-version = { $version } は最新バージョン (N) です
finding-n-minus-1 = { $version } は 1 つ前のバージョン (N-1) です。最新バージョンは { $current } です
finding-n-minus-2-or-older = { $version } は 2 つ以上前のバージョン (N-2 以前) です (N は { $current }、N-1 は { $previous })。{ $count ->
    [0] { $as_of } 時点で対象となるバージョンはありません
    [1] { $as_of } 時点で対象となるのは { $qualifying } のみです
   *[other] { $as_of } 時点で対象となるのは { $qualifying } です
}
finding-no-mainstream-end = { $version } にはメインストリーム サポートの終了日がありません (モダン ライフサイクル ポリシー)。最新の状態を維持している限りサポートされます
finding-in-mainstream-support = { $version } は { $end } までメインストリーム サポート期間中です
finding-mainstream-ended = { $version } のメインストリーム サポートは { $end } に終了しました。対象となるのはメインストリーム サポート期間中のバージョンのみです
finding-within-support-lifecycle = { $version } は延長サポートを含め { $end } まで Microsoft のサポート対象です。有償サポートをご利用いただけます
finding-within-support-lifecycle-open = { $version } は Microsoft のサポート ライフサイクル内です。有償サポートをご利用いただけます
finding-out-of-support = { $version } の Microsoft によるサポートは、延長サポートを含め { $end } に終了しました。有償・無償を問わず、Microsoft のサポートは受けられません
finding-out-of-support-open = { $version } は Microsoft のサポート ライフサイクルの対象外です。Microsoft のサポートは一切受けられません
finding-cloud-not-versioned = { $product } はクラウド製品です。N-1 サポート ポリシーは適用されません

finding-activated = 技術関連の特典はアクティブ化されています
finding-not-activated = 技術関連の特典はまだアクティブ化されていません。{ $who } が、パートナー センター > [特典] > [技術関連の特典] でアクティブ化する必要があります
finding-not-activated-role-can = 技術関連の特典はまだアクティブ化されていません。{ $who } が、パートナー センター > [特典] > [技術関連の特典] でアクティブ化する必要があります。{ $role } のロールで今すぐアクティブ化できます
finding-not-activated-role-cannot-activate = 技術関連の特典はまだアクティブ化されていません。{ $who } が、パートナー センター > [特典] > [技術関連の特典] でアクティブ化する必要があります。{ $role } はアクティブ化できません ([アクティブ化] ボタンが灰色表示されます)。[ユーザー管理] で { $who } を探してください
finding-no-incidents-remaining = 残りのインシデントがありません。新しい契約を購入するまで、契約は無効となり、ポータルに表示されません
finding-contract-expired = 契約は { $end } に終了しました。契約は無効となり、ポータルに表示されません
finding-contract-valid = 契約は有効です
finding-contract-valid-remaining = 契約は有効です (残り { $remaining } インシデント)
finding-contract-valid-until = 契約は { $end } まで有効です
finding-contract-valid-remaining-until = 契約は { $end } まで有効です (残り { $remaining } インシデント)
finding-ids-not-needed = { $product } にはアクセス ID と契約 ID は不要です
finding-ids-already-linked = アクセス ID と契約 ID はこのアカウントに既に関連付けられているため、再入力は不要です ("Access ID is already associated" というエラーは無視してかまいません)
finding-ids-first-use = このアカウントでは初めての利用です。リクエストの作成時にアクセス ID と契約 ID を入力してください
finding-csp-support-plan = CSP パートナーは、サポート契約なしで [クラウド ソリューション プロバイダー] (Cloud Solution Provider) サポート プランを使用して { $product } のリクエストを作成できます
finding-admin-agent-request = 顧客のクラウド ワークロードに関するリクエストは、{ $who } がパートナー センターで作成します
finding-admin-agent-request-role-can = 顧客のクラウド ワークロードに関するリクエストは、{ $who } がパートナー センターで作成します。{ $role } は作成できます
finding-role-cannot-request = 顧客のクラウド ワークロードに関するリクエストは、{ $who } がパートナー センターで作成します。{ $role } は作成できないため、{ $who } に依頼してください
finding-role-can-use-channel = { $role } は { $channel } でリクエストを作成できます
finding-role-cannot-use-channel = { $role } には「{ $action }」の権限がありません。権限があるのは { $who } です

## What each rule says (for explain): rule-<id>-title and rule-<id>-text

rule-support-type-title = サポートの種類
rule-support-type-text = { $on_premises } はオンプレミス製品、{ $cloud } はクラウド製品が対象です。
rule-tier-offered-title = メンバーシップ プランの提供
rule-tier-offered-text = メンバーシップ プランは、購入または更新できる期間に加えて、最終日の後も、それまでに付与された特典が有効な間は保有しているものとして扱います。
rule-tier-entitlement-title = 利用資格
rule-tier-entitlement-text = 各メンバーシップ プランには、サポートの種類ごとに決まった数のインシデントが含まれます (`mpn-support matrix` を参照)。
rule-tier-entitlement-text-by-class = 各メンバーシップ プランには、サポートの種類ごとに決まった数のインシデントが含まれます。{ $cloud } のインシデント数は、コンピテンシーがクラウド コンピテンシーかどうかによって異なります (`mpn-support matrix` を参照)。
rule-product-exclusion-title = サポートの種類を使用できない製品
rule-product-exclusion-text = 一部の製品では、メンバーシップ プランにかかわらず、特定のサポートの種類を一切使用できません。
rule-version-title = バージョン
rule-version-text = バージョンが指定されていない場合は、最新バージョン (N) を対象として判定します。
rule-released-title = リリース
rule-released-text = 基準日以前にリリースされたバージョンのみが対象です (リリース日当日を含みます)。
rule-main-track-title = トラック
rule-main-track-text = N と N-1 は、製品のメインの長期トラックで数えます。半期チャネルや Mac 版など、メイン以外のトラックは数えません。
rule-n-minus-1-title = N-1 サポート ポリシー
rule-n-minus-1-text = 対象となるのは最近のオンプレミス製品のみです。最新バージョン (N) と 1 つ前のバージョン (N-1) が該当します。
rule-mainstream-support-title = メインストリーム サポート
rule-mainstream-support-text = バージョンが対象となるのは、メインストリーム サポート期間中のみです。終了日はメインストリーム サポートの最終日です。
rule-extended-support-title = Microsoft サポート ライフサイクル
rule-extended-support-text = パートナー特典の対象外でも、サポート ライフサイクル内のバージョンには Microsoft の有償サポート (Pay Per Incident、Premier) を利用できます。延長サポートの終了後は、Microsoft のサポートは一切ありません。
rule-version-policy-title = クラウド製品
rule-version-policy-text = N-1 サポート ポリシーはクラウド製品には適用されません。
rule-activation-title = アクティブ化
rule-activation-text = 技術関連の特典は、使用する前にパートナー センターでアクティブ化する必要があります。
rule-contract-title = 契約
rule-contract-text = 有効期限が切れた契約や残りのインシデントがない契約は無効となり、ポータルに表示されません。
rule-access-ids-title = アクセス ID と契約 ID
rule-access-ids-text = アクセス ID と契約 ID は、各アカウントで特典を初めて使用するときに必要です。その後、特典はそのアカウントに関連付けられたままになります。
rule-csp-plan-title = CSP パートナー
rule-csp-plan-text = CSP パートナーは、サポート契約を追加しなくても、[クラウド ソリューション プロバイダー] (Cloud Solution Provider) サポート プランで Azure のリクエストを作成できます。
rule-customer-request-title = 顧客の代理のリクエスト
rule-customer-request-text = 顧客のクラウドに関するリクエストは、パートナー センター (CSP > [顧客] > [サービス管理] > [新しい要求]) で作成します。
rule-role-title = ロール
rule-role-text = リクエストは、アカウントのロールで許可されている場所で作成します。オンプレミス製品は Support for Business、顧客のクラウド ワークロードはパートナー センター (管理エージェント) です。

## Assumptions, next steps and warnings of a decision

# Assumptions are listed with 「、」: each is a phrase ending in 「こと」, without a comma of its own.
assumed-activated = 技術関連の特典がアクティブ化されていること
assumed-contract-valid = 契約が有効でインシデントが残っていること
assumed-ids-at-hand = このアカウントで初めて特典を使用する場合にアクセス ID と契約 ID が手元にあること
assumed-grant-runs = { $tier } が { $last_sold } 以前に購入または更新済みで { $as_of } より後まで有効であること
assumed-grant-runs-benefits-month = { $tier } の特典が、販売最終日の { $last_sold } に購入または更新されていること (メンバーシップ期間は { $membership_until } に終了しており、この回答はその後の特典期間に基づきます。特典はメンバーシップ終了の { $days } 日後、{ $runs_until } に終了します)
# Steps are fragments in the dictionary form (a list item, or joined with 「、」 by explain).
step-activate = 最初に技術関連の特典をアクティブ化する ({ $who } が実行)
step-enter-ids = アクセス ID と契約 ID を入力する (Support for Business では [契約の追加]、Azure portal では [Link support benefits])
step-csp-plan = または [クラウド ソリューション プロバイダー] サポート プランでリクエストを作成する
warning-grant-may-have-run-out = { $tier } を購入または更新できた最終日は { $last_sold } で、付与された特典はいずれも { $runs_until } までに終了します。この回答は、お持ちの特典が { $as_of } 時点で有効な場合にのみ当てはまります (`--contract-end` を指定すると、それも判定します)

warning-grant-benefits-month = { $tier } を購入または更新できた最終日は { $last_sold } で、その日に購入したメンバーシップは { $membership_until } に終了しました。この回答はメンバーシップ期間後の特典期間 ({ $runs_until } まで) に基づいており、お持ちの特典が { $last_sold } に購入または更新された場合にのみ当てはまります (`--contract-end` を指定すると、それも判定します)
## The one-line answer and the period it was decided under

what-version = { $product } { $version }
what-assumed = { $product } { $version } (最新バージョンを想定)
grant-pack = { $incidents } ({ $pack })
headline-eligible = 対象: { $as_of } 時点で、{ $tier } は { $what } に { $support_type } を利用できます ({ $grant })
headline-eligible-until = 対象: { $as_of } 時点で、{ $tier } は { $what } に { $support_type } を利用できます ({ $grant }、{ $until } まで対象)
headline-not-eligible = 対象外: { $as_of } 時点で、{ $tier } は { $what } に { $support_type } を利用できません (満たさないルール: { $failed })
headline-with-period = { $line } [{ $period }]
# The period's three parts are joined with 「、」, so none of them holds one.
decided-under = { $program }、{ $offer }、確度: { $confidence }
decided-under-no-program = { $offer }、確度: { $confidence }
offer-between = { $tier }: { $from } から { $until } まで提供
offer-from = { $tier }: { $from } から提供
offer-running-out = { $tier }: 販売終了 (付与された特典は { $until } まで有効)
offer-ended = { $tier }: { $from } 以降は提供なし

## Warnings

warning-stale-entitlements = 利用資格の表は { $generated } に生成されたもので、{ $as_of } の { $days } 日前のものです。回答が古い可能性があります (mpn-support の新しいリリースには新しい表が含まれます。`--entitlements` で独自の表を指定することもできます)
warning-stale-lifecycle = ライフサイクル データは { $generated } に生成されたもので、{ $as_of } の { $days } 日前のものです。回答が古い可能性があります (`mpn-support lifecycle update` で更新するか、`--lifecycle` で独自のデータを指定してください)

## roles

role-answer-yes = はい: { $role } は「{ $action }」を実行できます
role-answer-no = いいえ: { $role } は「{ $action }」を実行できません (実行できるロール: { $who })。{ $remedy }

## programs

period-offer-note = { $name }: { $note }
period-grant = 販売終了。{ $last_sold } までに購入された特典は { $months } か月{ $days ->
    [0] {""}
   *[other] と { $days } 日
} 有効で、{ $runs_until } まで
period-exclusion-note = { $reason } ({ $note })
period-figure-note = { $figure }: { $note }

## Batches and expectations

expiry = { $until } までのみ対象 ({ $as_of } の { $days } 日後)
mismatch-verdict = 期待値 { $expected } に対し判定は { $decided }
mismatch-verdict-failed = 期待値 { $expected } に対し判定は { $decided } ({ $failed })
mismatch-incidents = インシデント数: 期待値 { $expected } に対し判定は { $decided }
mismatch-channel = リクエストの作成先: 期待値 { $expected } に対し判定は { $decided }
mismatch-expires = { $until } までのみ対象 (`--fail-within` の { $days } 日以内)
summary-check = 対象 { $eligible } 件、対象外 { $not_eligible } 件、無効 { $invalid } 件
summary-check-fail-within = 対象 { $eligible } 件、対象外 { $not_eligible } 件、無効 { $invalid } 件、{ $days } 日以内に対象外となるもの { $expiring } 件
summary-verify = 一致 { $passed } 件、不一致 { $failed } 件

## Columns, labels and words of the human layouts

column-number = #
column-rule = ルール
column-result = 結果
column-detail = 詳細
column-title = タイトル
column-passed = 合否
column-finding = 確認結果
column-support-type = サポートの種類
column-competency = コンピテンシー
column-product = 製品
column-current = 最新 (N)
column-previous = 1 つ前 (N-1)
column-entitled-versions = 対象バージョン
column-previous-mainstream-end = N-1 のメインストリーム サポート終了
column-version = バージョン
column-track = トラック
column-release = リリース
column-mainstream-end = メインストリーム サポート終了
column-extended-end = 延長サポート終了
column-status = 状態
column-qualifies-until = 対象期限
column-role = ロール
column-kind = 種類
column-subject = 項目
column-from = 開始
column-until = 終了
column-confidence = 確度
column-sources = 出典
column-source = 出典
column-url = URL
column-name = 名前
column-class = 分類
column-aliases = 別名
column-file = ファイル
column-line = 行
column-column = 列
column-severity = 重大度
column-entry = エントリ
column-message = メッセージ
column-verdict = 判定
result-pass = 満たす
result-fail = 満たさない
answer-yes = 可
answer-no = 不可
class-any = すべて
support-type-scope = { $support_type } ({ $scope })
track-main = { $track } (メイン)
status-qualifies = 対象
status-mainstream = メインストリーム
status-extended = 延長
status-out-of-support = サポート終了
status-not-yet-released = 未リリース
entitled-any-cloud = すべて (クラウド)
entitled-none = なし
entitled-excluded = なし: { $from } 以降 { $support_type } の対象外
label-warning = 警告
label-error = エラー
heading-matrix = メンバーシップ プラン別のテクニカル サポートの利用資格一覧
matrix-title = { $as_of } 時点の利用資格: { $program } ({ $period })、{ $count ->
    [0] 数値の時期は不明
   *[other] 数値の確度: { $confidences }
}
heading-products = { $as_of } 時点の製品と対象バージョン
hint-versions = 各バージョンの日付と状態を表示するには、`--versions` (または `--format json`) を指定してください。
heading-programs = { $from } からのルール集 (すべての期間、日付順)
heading-sources = 出典
heading-competencies = コンピテンシーとその分類 (分類が関係するのは、MPN のメンバーシップ プランのクラウド サポートのみです)
rules-as-of = { $date } までに公開されたルールに基づきます。各事実の出典は `mpn-support programs` で確認できます。
heading-rules-checked = 確認したルール
heading-next-steps = 次の手順
heading-alternatives = 代替手段
heading-notes = 注意事項
heading-figures = 数値について
open-request = リクエストの作成先: { $channel }
assumed-not-stated = 想定 (指定なし): { $assumed }
explain-title = { $title }:
explain-paragraph-met = { $text }今回の確認結果: { $finding }。このルールを満たしています。
explain-paragraph-not-met = { $text }今回の確認結果: { $finding }。このルールを満たしていません。
explain-next = 次の手順: { $steps }。
explain-open = { $channel } ({ $url }) でサポート リクエストを作成してください。
explain-alternative = { $name } ({ $url }): { $description }
explain-alternative-gives = { $name } ({ $url }): { $description }。このリクエストの場合: { $gives }
alternative-would-give = このリクエストの場合: { $gives }
alternative-gives = { $tier } ({ $grant })
explain-instead = 代替手段: { $alternatives }。
explain-assumes = この回答は、{ $assumed } を想定しています。
# The labels are padded to one width (a Japanese character takes two columns).
diagnose-matched = 一致:      "{ $text }" ({ $id }、スコア { $score })
diagnose-cause = 原因:      { $cause }
diagnose-action = 対処:      { $action }
diagnose-portal = ポータル:  { $portal }
diagnose-source = 出典:      Microsoft のドキュメント "Technical Support for On-premises or Cloud products"、セクション: { $section }
diagnose-no-match = 既知のポータル メッセージや症状で "{ $input }" に一致するものはありません。既知のもの:
data-entitlements = 利用資格の表
data-lifecycle = ライフサイクル データ
origin-built-in = 組み込み
origin-file = ファイル
origin-updated = 更新済み
data-line = { $what }: { $origin }
data-line-path = { $what }: { $origin } { $path }
data-line-generated = { $what }: { $origin } ({ $generated } 生成)
data-line-path-generated = { $what }: { $origin } { $path } ({ $generated } 生成)
validate-summary = { $files } を確認しました: エラー { $errors } 件、警告 { $warnings } 件
import-summary = (製品 { $products } 件、バージョン { $versions } 件、変更 { $changes } 件、ソースの警告 { $warnings } 件)
import-would-update = { $output } を更新する予定です { import-summary }
import-unchanged = 変更なし: { $output } { import-summary }
import-wrote = { $output } に書き込みました { import-summary }
row-line = 行 { $line }: { $text }
row-with-warning = { $line } [警告: { $warning }]
row-invalid = 行 { $line }: エラー: { $message }
verify-fail = [不一致] 行 { $line }: { $request }: { $mismatches }
verify-fail-period = [不一致] 行 { $line }: { $request }: { $mismatches } [{ $period }]
verify-invalid = [エラー] 行 { $line }: { $message }
rules-as-of-short = { $date } までに公開されたルールに基づきます。
open-request-label = リクエストの作成先:
heading-programs-short = { $from } からのルール集
row-error = エラー: { $message }
row-with-problems = { $line } (警告: { $problems })
row-with-failures = { $line } (ゲート不合格: { $problems })
row-expectation-failed = [不一致] { $request }: { $mismatches }
eligible-but = 対象。ただし、{ $problem }
junit-case = 行 { $line }: { $request }
junit-invalid-request = 行 { $line }: 無効なリクエスト
junit-invalid-expectation = 行 { $line }: 無効な期待値
junit-warning = 警告: { $warning }
title-invalid-request = 無効なリクエスト
title-invalid-expectation = 無効な期待値
expiry-fail-within = { $until } までのみ対象 ({ $as_of } の { $days } 日後)。`--fail-within` の { $within } 日以内です

## The picture (products --format svg)

svg-title = { $as_of } 時点のパートナー サポート期間
svg-desc = バージョンごとに、リリースからメインストリーム サポートの終了まで、さらに延長サポートの終了までを棒で示します。パートナー向けの無償サポートの対象となる期間 (メインストリーム サポート期間中の N または N-1) は緑、基準日は赤の破線です。
svg-legend-entitled = 対象 (N または N-1、メインストリーム サポート期間中)
svg-legend-mainstream = メインストリーム サポート
svg-legend-extended = 延長サポートのみ
svg-as-of = { $as_of } 時点
svg-older = ほか { $count } 個の古いバージョンは非表示
svg-cloud = クラウド製品: バージョンはなく、すべての利用が対象です (N-1 サポート ポリシーなし)
svg-cloud-excluded = この日はサポートの種類を使用できないクラウド製品: 対象となる利用はありません
svg-no-version = 過去 10 年間にサポートされたバージョンはありません
svg-no-end = 終了日は不明
svg-entitled = { $from } から { $until } まで対象
svg-never-entitled = 対象期間なし
svg-tooltip = { $product } { $version }: リリース { $release }、メインストリーム サポート終了 { $mainstream }、延長サポート終了 { $extended }。{ $entitled }
warning-fail-within = { $until } までのみ対象 (`--fail-within` の { $days } 日以内): 終了ステータス 1
row-with-failure = { $line } [ゲート不合格: { $warning }]
row-number = { $line }
row-number-carried = { $line } [{ $carried }]
azure-issue = { $what }: { $message }

## Errors

error-value = `{ $value }`
error-value-cut = `{ $value }...` ({ $bytes } バイト)
# The name looked up comes first in Japanese: `sql-server` のバージョン `2030` は不明です。
error-unknown-of = `{ $of }` の
error-did-you-mean = 。`{ $suggestion }` のことですか?
error-valid = {" "}(有効な値: { $choices })
error-unknown-name = { $of }{ $kind } { $value } は不明です{ $suggestion }{ $valid }
kind-tier = メンバーシップ プラン
kind-product = 製品
kind-version = バージョン
kind-competency = コンピテンシー
kind-role = ロール
kind-action = 操作
kind-name = 名前
error-cloud-version = `{ $product }` はクラウド製品のため、バージョンはありません (クラウド製品には N-1 サポート ポリシーが適用されません)。`--version { $version }` を削除してください
error-cloud-version-in-name = `{ $product }` はクラウド製品のため、バージョンはありません (クラウド製品には N-1 サポート ポリシーが適用されません)。`{ $typed }` の末尾は `{ $version }` です。製品名だけを指定してください
error-cloud-version-row = `{ $product }` はクラウド製品のため、バージョンはありません (クラウド製品には N-1 サポート ポリシーが適用されません)。`version` 列は空にしてください
error-version-clash = `{ $product }` はバージョン `{ $tail }` を示していますが、`--version` には `{ $version }` が指定されています。バージョンは 1 回だけ指定してください
error-version-clash-row = `{ $product }` はバージョン `{ $tail }` を示していますが、`version` 列には `{ $version }` が指定されています。バージョンは 1 回だけ指定してください
error-several-versions = `{ $spelled }` は { $product } の { $count } 個のバージョンを示しています。いずれか 1 つを指定してください ({ $versions })。{ $as_of } 時点で{ $qualifying_count ->
    [0] 対象となるバージョンはありません
   *[other] 対象となるのは { $qualifying } です
}
error-no-support-type = 利用資格の表に{ $deployment }製品のサポートの種類がありません
error-before-rule-book = ルール集は { $first } から始まります。`{ $as_of }` はそれより前のため、判定できません ({ $first } 以降の基準日を指定してください)
error-no-published-figure = { $as_of } 時点の `{ $tier }` の { $support_type } について、公開された数値がありません。ルール集の数値は { $documented } のものです
error-contract-end-beyond = `--contract-end` の `{ $end }` は、{ $as_of } 時点で保有する `{ $tier }` の特典が有効でありうる最終日 ({ $last }) より後です。日付を確認するか、`--contract-end` を省略してください
error-contract-end-beyond-row = `contract_end` 列の `{ $end }` は、{ $as_of } 時点で保有する `{ $tier }` の特典が有効でありうる最終日 ({ $last }) より後です。日付を確認するか、`contract_end` 列を空にしてください
error-incidents-beyond-pack = `--incidents-remaining` の `{ $left }` は、{ $as_of } 時点の `{ $tier }` のパックに含まれるインシデント数 ({ $most }) より多くなっています。数を確認するか (Support for Business の手順 2 で表示されます)、`--incidents-remaining` を省略してください
error-incidents-beyond-pack-row = `incidents_remaining` 列の `{ $left }` は、{ $as_of } 時点の `{ $tier }` のパックに含まれるインシデント数 ({ $most }) より多くなっています。数を確認するか (Support for Business の手順 2 で表示されます)、`incidents_remaining` 列を空にしてください
error-list = { $errors }
deployment-on-premises = オンプレミス
deployment-cloud = クラウド
error-cannot-read = `{ $path }` を読み取れません: { $message }
reason-not-found = ファイルがありません
reason-permission-denied = アクセスが拒否されました
reason-directory = ファイルではなくディレクトリです
reason-not-regular = 通常のファイルではありません (パイプ、デバイス、ソケットのいずれかです)。データをファイルに保存してから指定してください
error-cannot-write = `{ $path }` に書き込めません: { $message }
error-no-data-folder = このシステムにはユーザーごとのデータ フォルダー (ホーム ディレクトリ) がありません。書き込むファイルを `--output` で指定してください
error-empty-input = `{ $path }`: 入力が空です。CSV のヘッダー行、JSON Lines、または JSON 配列が必要です
error-bad-input = `{ $path }`: { $message }
error-format-for-batch = `{ $format }` 形式は `check --batch` 専用です (単一のチェックには `text`、`json`、`jsonl`、`markdown`、`csv` を使用できます)
error-format-unsupported = `{ $format }` 形式の対象: { $what }
error-invalid-data = データが無効です (エラー { $count } 件):
error-import-invalid = インポートしたデータは読み込めないため、何も書き込んでいません (エラー { $count } 件):
error-and-more = ほか { $count } 件
error-fetch = { $url } から `{ $slug }` (製品 `{ $product }`) を取得できません: { $problem }
fetch-missing = API にこの製品がありません (HTTP 404)。上流で名前が変わった可能性があり、カタログのスラッグを更新する必要があるため、何も書き込んでいません
fetch-status = サーバーの応答は HTTP { $status } で、成功 (2xx) ではありません
fetch-timeout = 更新全体に使える { $seconds } 秒以内に完全な応答がありませんでした (--timeout で延ばせます)
fetch-host-not-found = ホスト名を解決できません (DNS)。アドレスとネットワークを確認してください
fetch-connect = 接続できません ({ $detail })。アドレスとネットワークを確認してください
fetch-truncated = 応答が途中で切れました ({ $detail })
fetch-too-large = 応答が { $mib } MiB を超えています
error-timed-out = 更新 (ダウンロードと変換) が { $seconds } 秒以内に終わらなかったため、何も書き込んでいません。--timeout で延ばしてください
data-built-in = 組み込みデータ
error-loss = 更新すると { $current } にあるバージョンが { $count } 個削除されるため、何も書き込んでいません (上流で本当に削除された場合は --allow-removals を付けて再実行してください。--dry-run ですべての変更を一覧表示します):
error-loss-product = 製品 `{ $product }` は { $all ->
    [all] { $had } 個のバージョンすべて
   *[some] { $had } 個のバージョンのうち { $lost } 個
}を失います{ $sourced ->
    [yes] {" "}({ $from } から)
   *[no] {""}
}: { $names }

## Batch input (check --batch, verify): the file, its header, its rows and their values

error-bad-input-line = `{ $path }`: { $line } 行目: { $message }
kind-channel = チャネル
input-utf16 = ファイルが UTF-16 テキストです (UTF-16 のバイト オーダー マークで始まっています)。UTF-8 で保存してください
input-not-utf8 = テキストが UTF-8 ではありません。ファイルを UTF-8 で保存してください
input-separator = ヘッダーに `,` がなく、{ $separator ->
    [tab] タブ
   *[other] `{ $separator }`
} があります。このファイルは列を { $separator ->
    [tab] タブ
   *[other] `{ $separator }`
} で区切っていますが、バッチでは `,` が必要です (コンマ区切り (CSV) で保存してください)
input-blank-column = ヘッダーの { $position } 列目に名前がありません。列に名前を付けるか、列を削除してください
input-unknown-column = 不明な列 `{ $name }` です。`{ $meant }` のことですか? ({ $known } のいずれでもない列は、読み取らずにインベントリ独自の列としてそのまま出力します)
input-duplicate-column = 列 `{ $name }` が重複しています (各列は 1 回だけ指定してください)
input-missing-column = ヘッダーに `{ $column }` 列がありません
input-row-too-long = 行の長さが { $bytes } バイトで、1 行の上限 ({ $max } バイト) を超えています
input-field-too-long = `{ $column }` の長さが { $bytes } バイトで、1 フィールドの上限 ({ $max } バイト) を超えています
input-field-count = ヘッダーと同じ { $expected } 個のフィールドが必要ですが、{ $found } 個あります
input-open-quote = { $field } 番目のフィールドを開く引用符が閉じられていないため、それ以降の入力の最後までがすべてそのフィールドとして読み込まれました。引用符を閉じてください (フィールド内の引用符は `""` と書きます)
input-parser = { $message }
input-array-cut-short = JSON 配列が途中で切れています。閉じる `]` の前でファイルが終わっています
input-row-cut-short = 行が途中で切れています。JSON オブジェクトがこの行で終わっていません
input-array-too-large = { $mib } MiB を超える JSON 配列です。ストリームとして読み取れる JSON Lines (1 行に 1 オブジェクト) を使用してください
input-not-an-object = 行は列の JSON オブジェクト (`{"{"}"tier": ..., "product": ...{"}"}`) である必要があります。{ $found ->
    [array] 配列
    [string] 文字列
    [number] 数値
    [boolean] `true` または `false`
   *[null] `null`
} は使用できません
input-blank-key = 空のキーがあります。すべての列に名前が必要です
input-given-twice = `{ $column }` が 2 回指定されています (各列は 1 回だけ指定してください)
input-not-text = `{ $key }`: テキストが必要ですが、`{ $found }` があります
input-missing = `{ $column }` がありません
input-missing-expect = `expect` がありません (eligible | not-eligible)
input-cell = { $column }: { $problem }
input-cannot-read = 読み取れません: { $message }
input-no-requests = リクエストがありません。入力に行がありません (空のバッチを受け付けるには --allow-empty を指定してください)
input-no-expectations = 期待値がありません。ファイルに行がありません (空のファイルを受け付けるには --allow-empty を指定してください)
value-not-date = `{ $value }` は YYYY-MM-DD 形式の実在する日付ではありません
value-not-count = `{ $value }` は 0 から { $max } までの整数ではありません
value-not-days = `{ $value }` は日数ではありません。0 から { $max } までの整数を、`d` の有無にかかわらず指定してください (90 または 90d)
value-not-yes-no = `{ $value }` は `yes`、`no`、`true`、`false` (大文字と小文字を区別しない) のいずれでもありません
value-not-incidents = `{ $value }` は 0 から { $max } までの整数でも `unlimited` (大文字と小文字を区別しない) でもありません
value-not-verdict = `{ $value }` は `eligible` でも `not-eligible` でもありません
