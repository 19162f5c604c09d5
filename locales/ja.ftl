# dealform の日本語の文言。英語のカタログ（en.ftl）をキーごとに翻訳したものです。
# Fluent の構文（https://projectfluent.org/）：`{ $name }` はアプリが埋め込みます。
# `{ $count -> … }` ブロックは、その言語の複数形の規則に合った形を選びます。
# 新しい言語は、このファイルを翻訳して locales/{code}.ftl として保存したものです（README の「Languages」）。

# 言語の書字方向：ltr（左から右）または rtl（右から左）。
direction = ltr

## 共通

loading = 読み込み中…
retry = 再試行
cancel = キャンセル
yes = はい
no = いいえ
landmark-of = { $part }（{ $list }）
warning-no-storage = このブラウザーではここにデータを保存できません。ページを閉じると商談は失われます。

## 単独ページのタイトル

title-list = 商談 — dealform
title-new = 新しい商談 — dealform
title-edit = 商談の編集 — dealform

## 起動

app-open-failed = 商談を開けませんでした
config-needs-fixing = 設定を修正する必要があります
config-widget-needs-fixing = この商談ウィジェットの設定を修正する必要があります

## 商談一覧

list-heading = 商談
list-heading-numbered = 商談 { $number }
list-search = 商談を検索
list-no-search = { $crm } の商談一覧は検索できません。
list-new = 新しい商談
list-loading = 商談を読み込み中…
list-load-failed = 商談を読み込めませんでした
list-show-failed = 商談を表示できませんでした
list-no-more = これ以上の商談はありません。
list-empty = 商談はまだありません。「新しい商談」から最初の商談を追加してください。
list-no-match = 「{ $search }」に一致する商談はありません。
list-sorted-ascending = { $column }の昇順で並べ替えています。
list-sorted-descending = { $column }の降順で並べ替えています。
list-stage-ids = { $crm } からステージ名を読み込めなかったため（{ $reason }）、「ステージ」列にはステージ ID を表示しています。
list-reset = ローカルデータをリセット
list-reset-title = このブラウザーに保存されている商談をリセットしますか？
list-reset-body = 読み取れないデータは別のストレージキーに退避され、一覧は空の状態から始まります。
list-reset-unavailable = リセットを利用できませんでした
list-reset-done = 読み取れないデータをストレージキー「{ $key }」に退避しました。最初からやり直します。

## ページとスクロール一覧

pager-landmark = ページ
pager-previous = 前のページ
pager-next = 次のページ
pager-range-of-total = { $first }–{ $last } 件目（全 { $total } 件の商談）
pager-one-of-total = { $first } 件目（全 { $total } 件の商談）
pager-range = 商談 { $first }–{ $last }
pager-one = 商談 { $first }
scroll-landmark = すべての商談（スクロール可能）
scroll-count = { $count } 件の商談
scroll-count-loaded = { $count } 件の商談（{ $loaded } 件読み込み済み）
scroll-load-failed = 一部の商談を読み込めませんでした。{ $reason }
scroll-row-failed = 未読み込み

## 下書き

draft-new = 保存されていない新しい商談があります：{ $name }。
draft-edit = { $name }に未保存の変更があります。
draft-region = { $name }の未保存の下書き
draft-untitled = （名前なし）
draft-quoted = 「{ $name }」
draft-resume = 下書きを再開
draft-discard = 下書きを破棄
draft-discarded = 下書きを破棄しました。

## 結果

notice-created = 「{ $name }」を作成しました。
notice-updated = 「{ $name }」の変更を保存しました。
notice-deleted = 「{ $name }」を削除しました。
notice-open = 「{ $name }」を開く

## 項目

field-name = 名前
field-amount = 金額
field-currency = 通貨
field-stage = ステージ
field-close-date = 完了予定日
field-probability = 受注確度
field-owner = 担当者
field-company = 会社
field-description = 説明
field-custom = カスタムフィールド
# YSUITE でのステージの呼び名。
field-pipeline = パイプライン

## フォーム

form-title-new = 新しい商談
form-title-edit = 商談の編集
form-open-failed = フォームを開けませんでした
form-deal-open-failed = この商談を開けませんでした
form-back = 商談一覧に戻る
form-required-note = 必須項目には * が付いています。
form-save = 保存
form-saving = 保存中…
form-delete = 削除
form-amount-hint = 例：{ $example }
form-probability-hint = 0～100 パーセント
form-currency-hint = 3 文字のコード（例：USD、EUR）
form-must-be = { $format }である必要があります
form-stages-failed = ステージ一覧を読み込めませんでした（{ $reason }）。ステージ ID を入力してください。
form-no-owner-lookup = { $crm } には担当者の検索機能がありません：ID を入力してください（{ $format }）
form-no-company-lookup = { $crm } には会社の検索機能がありません：ID を入力してください（{ $format }）
form-errors-summary = 保存する前に確認が必要な項目が { $count } 件あります：{ $fields }。
form-refused = { $count ->
    [1] 商談は保存されませんでした。{ $fields }を確認してください。問題点が表示されています。
   *[other] 商談は保存されませんでした。{ $fields }を確認してください。各項目に問題点が表示されています。
    }
form-refused-because = 商談は保存されませんでした。{ $fields }を確認してください。CRM からのメッセージ：{ $reason }
form-save-failed = { $outcome } { $reason } 変更内容はこのフォームに保持されています。
form-delete-failed = { $outcome } { $reason }
form-new-holds-changes = 新しい商談のフォームに未保存の別の変更があります。先に保存するか破棄してください。
form-keep-as-new = 変更内容を新しい商談として残す
form-restored = 前回の未保存の変更を復元しました。
form-discard-restored = 復元した変更を破棄
form-restored-discarded = 復元した変更を破棄しました。フォームには現在の商談の内容が表示されています。
form-discard-title = 未保存の変更を破棄しますか？
form-discard-body = このフォームに入力した内容は失われます。
form-discard-confirm = 変更を破棄
form-keep-editing = 編集を続ける
form-delete-title = 「{ $name }」を削除しますか？
form-delete-body = 商談は完全に削除されます。この操作は元に戻せません。
form-delete-confirm = 商談を削除
select-placeholder = 選択してください…
select-no-longer-offered = { $id }（現在は選択できません）
picker-choices = { $label }の候補
picker-empty = まだ選択肢がありません。名前または ID を入力してください。
picker-no-match = 「{ $query }」に一致するものはありません。入力した内容を ID として使用します。
picker-failed = 名前を検索できませんでした（{ $reason }）。代わりに ID を入力してください。

## 入力チェック

error-required = { $label }は必須です
error-too-long = { $label }は { $max } 文字以内にしてください（現在 { $count } 文字）
error-too-short = { $label }は { $min } 文字以上にしてください（現在 { $count } 文字）
error-format = { $label }は{ $format }である必要があります
error-negative = { $label }に負の値は指定できません
error-at-least = { $label }は { $min } 以上にしてください
error-whole-number-range = { $label }は { $min } から { $max } までの整数にしてください
error-choose-from-list = 一覧から選択してください
error-must-be-ticked = { $label }にチェックを入れてください
error-number = { $label }は { $example } のような数値にしてください
error-number-at-least = { $label }は { $min } 以上にしてください
error-number-at-most = { $label }は { $max } 以下にしてください
error-email = { $label }は name@example.com のようなメールアドレスにしてください
error-url = { $label }は https:// で始まるウェブアドレスにしてください
error-phone = { $label }は電話番号にしてください（数字、スペース、+ - ( ) を使用し、数字を 5 桁以上含めてください）
error-currency-code = 通貨は USD や EUR のような 3 文字の ISO 4217 コードにしてください
error-currency-unlisted = 通貨は USD や EUR のような、現在使用されている ISO 4217 コードにしてください。「{ $code }」は該当しません
error-date-format = 日付は YYYY-MM-DD 形式で入力してください
error-date-no-such-day = { $date } は存在しない日付です
error-date-range = 完了予定日は { $min } から { $max } までの日付にしてください
error-date-unreadable = 実在する日付をすべて入力するか、項目を空にしてください
error-amount-number = { $example } のような数値を入力してください
error-amount-ambiguous = 小数点には「{ $decimal }」を使用してください（例：{ $example }）
error-amount-precision = { $currency } の金額{ $digits ->
    [0] には小数を使用できません
   *[other] は小数点以下 { $digits } 桁までです
    }
error-amount-too-large = 金額が大きすぎます
error-amount-other-currency = この金額は「{ $typed }」ではなく { $currency } です
format-uuid = 3c90c3cc-0d44-4b50-8888-8dd25736052a のような UUID
format-integer = 整数の ID
format-prefixed = { $prefix } で始まる ID
format-email = メールアドレス
format-member = ワークスペースメンバーのメールアドレス（またはそのメンバーに表示されている ID）
format-record-or-domain = example.com のような会社のドメイン（またはその会社に表示されている ID）

## エラーの内容

outcome-not-saved = 商談は保存されませんでした。
outcome-not-deleted = 商談は削除されませんでした。
outcome-maybe-not-saved = 商談が保存されていない可能性があります。
outcome-maybe-not-deleted = 商談が削除されていない可能性があります。
outcome-unreadable-saved = 商談は保存された可能性がありますが、CRM の応答を読み取れませんでした。もう一度保存する前に商談一覧を確認してください。
outcome-unreadable-deleted = 商談は削除された可能性がありますが、CRM の応答を読み取れませんでした。もう一度削除する前に商談一覧を確認してください。
error-fields-refused = 一部の項目が受け付けられませんでした。各項目に理由が表示されています。
error-not-found = この商談はもう存在しません。別の場所で削除された可能性があります。
error-unauthorized = CRM が認証情報を拒否しました：{ $reason }
error-forbidden = この認証情報では、CRM でこの操作を行うことは許可されていません。
error-forbidden-because = この認証情報では、CRM でこの操作を行うことは許可されていません：{ $reason }
error-rate-limited = CRM がリクエストを制限しています。しばらくしてからもう一度お試しください。
error-rate-limited-for = CRM がリクエストを制限しています。{ $seconds } 秒後にもう一度お試しください。
error-unreachable = CRM に接続できませんでした：{ $reason }
error-code-unreachable = アプリの一部を取得できませんでした。接続を確認してから再試行してください。解決しない場合は、ページを再読み込みしてください。
error-code-gone = アプリの一部がサーバー上にありません。このページを開いた後にアプリが更新されています。続行するにはページを再読み込みしてください。
error-malformed = CRM から読み取れない応答が返されました：{ $detail }
error-storage-corrupt = このブラウザーに保存されている商談を読み取れませんでした（{ $reason }）。
error-storage-unavailable = ブラウザーに商談を保存できませんでした：{ $reason }
error-refused = CRM がリクエストを拒否しました（{ $status }）。
error-refused-because = CRM がリクエストを拒否しました（{ $status }）。また、{ $reason }
error-crm-problem = CRM で問題が発生しました（{ $status }）。
error-crm-problem-because = CRM で問題が発生しました（{ $status }）：{ $reason }
error-html-answer = JSON API ではなく HTML ページが返されました（プロキシまたはゲートウェイのエラーの可能性があります）
error-unexpected-answer = 応答が API の仕様どおりの JSON ではありませんでした
error-explanation-unread = エラーの説明を読み取れませんでした。{ $reason }
error-address-deals = { $crm } に商談を要求したところ、「見つかりません」（404）が返されました。dealform に設定されたアドレスが間違っている可能性があります。設定の base_url を確認してください（現在の値：{ $base_url }）。
error-address-stages = { $crm } にステージを要求したところ、「見つかりません」（404）が返されました。dealform に設定されたアドレスが間違っている可能性があります。設定の base_url を確認してください（現在の値：{ $base_url }）。
error-address-owners = { $crm } に担当者を要求したところ、「見つかりません」（404）が返されました。dealform に設定されたアドレスが間違っている可能性があります。設定の base_url を確認してください（現在の値：{ $base_url }）。
error-address-companies = { $crm } に会社を要求したところ、「見つかりません」（404）が返されました。dealform に設定されたアドレスが間違っている可能性があります。設定の base_url を確認してください（現在の値：{ $base_url }）。
error-create-address = { $crm } に新しい商談を { $url } へ送信したところ、「見つかりません」（404）が返されました。dealform に設定されたアドレスが間違っている可能性があります。設定の base_url と、設定されている場合は { $setting } を確認してください。
backend-no-local-data = { $backend } はこのブラウザーにデータを保存しません
stages-from-config = { $crm } からステージ一覧を読み込めませんでした（{ $reason }）。設定にあるステージを表示しています。
network-cannot-send = ブラウザーがリクエストを送信できません
network-offline = このブラウザーはオフラインです。再接続してから、もう一度お試しください（{ $detail }）。
network-failed = { $crm } から応答がありませんでした。接続に失敗したか、切断されました。インターネット接続を確認してから、もう一度お試しください。それでも失敗する場合は、dealform を設定した方にお知らせください。base_url が間違っているか、{ $crm } がこのページからのリクエストを受け付けていない（CORS）可能性があります（{ $detail }）。
network-check-connection = インターネット接続を確認してから、もう一度お試しください
network-cut-off = { $crm } からの応答が途中で途切れました。接続が切断されました。{ $next }。（{ $detail }）
network-timed-out = { $crm } から { $seconds } 秒以内に応答がありませんでした
network-timed-out-then = { $timeout }。{ $next }
network-may-have-created = 商談が作成されている可能性があります。もう一度保存する前に商談一覧を確認してください
network-may-have-saved = 変更が保存されている可能性があります。もう一度保存する前に商談を確認してください
network-may-have-deleted = 商談が削除されている可能性があります。もう一度削除する前に商談一覧を確認してください
activity-rate-limited = { $crm } からリクエストの間隔を空けるよう求められました：{ $seconds } 秒後に再試行します…
