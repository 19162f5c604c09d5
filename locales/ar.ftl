# كلمات dealform بالعربية: ترجمة الفهرس الإنجليزي (en.ftl)، مفتاحًا بمفتاح.
# صياغة Fluent (https://projectfluent.org/): يملأ التطبيق `{ $name }`، وتختار كتلة
# `{ $count -> … }` الصيغة التي تطلبها قواعد الجمع في اللغة.
# اللغة الجديدة هي ترجمة لملف en.ftl تُحفظ باسم locales/{code}.ftl (README، قسم "Languages").

# اتجاه كتابة اللغة: ltr (من اليسار إلى اليمين) أو rtl (من اليمين إلى اليسار).
direction = rtl

## مشترك

loading = جارٍ التحميل…
retry = إعادة المحاولة
cancel = إلغاء
yes = نعم
no = لا
landmark-of = { $part } ({ $list })
warning-no-storage = لا يسمح هذا المتصفح بالتخزين هنا: ستضيع الصفقات عند إغلاق الصفحة.

## عنوان الصفحة المستقلة

title-list = الصفقات — dealform
title-new = صفقة جديدة — dealform
title-edit = تعديل الصفقة — dealform

## بدء التشغيل

app-open-failed = تعذّر فتح الصفقات
config-needs-fixing = الإعدادات بحاجة إلى تصحيح
config-widget-needs-fixing = أداة الصفقات هذه بحاجة إلى تصحيح

## قائمة الصفقات

list-heading = الصفقات
list-heading-numbered = الصفقات { $number }
list-search = البحث في الصفقات
list-no-search = لا يمكن البحث في قائمة صفقات { $crm }.
list-new = صفقة جديدة
list-loading = جارٍ تحميل الصفقات…
list-load-failed = تعذّر تحميل الصفقات
list-show-failed = تعذّر عرض الصفقات
list-no-more = لا توجد صفقات أخرى بعد هذه.
list-empty = لا توجد صفقات بعد. استخدم «صفقة جديدة» لإضافة أول صفقة.
list-no-match = لا توجد صفقات تطابق «{ $search }».
list-sorted-ascending = مرتّبة حسب { $column }، تصاعديًا.
list-sorted-descending = مرتّبة حسب { $column }، تنازليًا.
list-stage-ids = تعذّر تحميل أسماء المراحل من { $crm } ({ $reason })، لذا يعرض عمود المرحلة معرّفات المراحل.
list-reset = إعادة تعيين البيانات المحلية
list-reset-title = هل تريد إعادة تعيين الصفقات المخزّنة في هذا المتصفح؟
list-reset-body = تُحفظ البيانات التي تعذّرت قراءتها جانبًا تحت مفتاح تخزين آخر، وتبدأ القائمة فارغة.
list-reset-unavailable = تعذّر عرض خيار إعادة التعيين
list-reset-done = نُقلت البيانات التي تعذّرت قراءتها جانبًا إلى مفتاح التخزين «{ $key }». نبدأ من جديد.

## الصفحات والقائمة القابلة للتمرير

pager-landmark = الصفحات
pager-previous = الصفحة السابقة
pager-next = الصفحة التالية
pager-range-of-total = { $first }–{ $last } من { $total ->
    [zero] { $total } صفقة
    [one] صفقة واحدة
    [two] صفقتين
    [few] { $total } صفقات
    [many] { $total } صفقة
   *[other] { $total } صفقة
    }
pager-one-of-total = { $first } من { $total ->
    [zero] { $total } صفقة
    [one] صفقة واحدة
    [two] صفقتين
    [few] { $total } صفقات
    [many] { $total } صفقة
   *[other] { $total } صفقة
    }
pager-range = الصفقات { $first }–{ $last }
pager-one = الصفقة { $first }
scroll-landmark = جميع الصفقات، قابلة للتمرير
scroll-count = { $count ->
    [zero] { $count } صفقة
    [one] صفقة واحدة
    [two] صفقتان
    [few] { $count } صفقات
    [many] { $count } صفقة
   *[other] { $count } صفقة
    }
scroll-count-loaded = { $count ->
    [zero] { $count } صفقة
    [one] صفقة واحدة
    [two] صفقتان
    [few] { $count } صفقات
    [many] { $count } صفقة
   *[other] { $count } صفقة
    }، حُمّل منها { $loaded }
scroll-load-failed = تعذّر تحميل بعض الصفقات. { $reason }
scroll-row-failed = لم يُحمَّل

## المسودات

draft-new = لديك صفقة جديدة غير محفوظة: { $name }.
draft-edit = لديك تغييرات غير محفوظة على { $name }.
draft-region = مسودة غير محفوظة: { $name }
draft-untitled = (بلا اسم)
draft-quoted = «{ $name }»
draft-resume = استئناف المسودة
draft-discard = تجاهل المسودة
draft-discarded = تم تجاهل المسودة.

## النتائج

notice-created = تم إنشاء «{ $name }».
notice-updated = تم حفظ التغييرات على «{ $name }».
notice-deleted = تم حذف «{ $name }».
notice-open = فتح «{ $name }»

## الحقول

field-name = الاسم
field-amount = المبلغ
field-currency = العملة
field-stage = المرحلة
field-close-date = تاريخ الإغلاق
field-probability = احتمال الفوز
field-owner = المسؤول
field-company = الشركة
field-description = الوصف
field-custom = حقل مخصّص
# اسم المرحلة في YSUITE.
field-pipeline = مسار المبيعات

## النموذج

form-title-new = صفقة جديدة
form-title-edit = تعديل الصفقة
form-open-failed = تعذّر فتح النموذج
form-deal-open-failed = تعذّر فتح هذه الصفقة
form-back = العودة إلى الصفقات
form-required-note = الحقول المميّزة بعلامة * مطلوبة.
form-save = حفظ
form-saving = جارٍ الحفظ…
form-delete = حذف
form-amount-hint = مثال: { $example }
form-probability-hint = من 0 إلى 100 بالمئة
form-currency-hint = رمز من ثلاثة أحرف، مثل USD أو EUR
form-must-be = يجب أن تكون القيمة { $format }
form-stages-failed = تعذّر تحميل قائمة المراحل ({ $reason })؛ اكتب معرّف المرحلة.
form-no-owner-lookup = لا يتيح { $crm } البحث عن المسؤولين: اكتب المعرّف، ويجب أن يكون { $format }
form-no-company-lookup = لا يتيح { $crm } البحث عن الشركات: اكتب المعرّف، ويجب أن يكون { $format }
form-errors-summary = { $count ->
    [zero] لا توجد حقول تحتاج إلى مراجعة قبل الحفظ.
    [one] حقل واحد يحتاج إلى مراجعة قبل الحفظ: { $fields }.
    [two] حقلان يحتاجان إلى مراجعة قبل الحفظ: { $fields }.
    [few] { $count } حقول تحتاج إلى مراجعة قبل الحفظ: { $fields }.
    [many] { $count } حقلًا يحتاج إلى مراجعة قبل الحفظ: { $fields }.
   *[other] { $count } حقل يحتاج إلى مراجعة قبل الحفظ: { $fields }.
    }
form-refused = { $count ->
    [zero] لم تُحفظ الصفقة: راجع { $fields }. يظهر عند كل حقل سبب الخطأ فيه.
    [one] لم تُحفظ الصفقة: راجع { $fields }، حيث يظهر سبب الخطأ.
    [two] لم تُحفظ الصفقة: راجع { $fields }. يظهر عند كلٍّ منهما سبب الخطأ فيه.
    [few] لم تُحفظ الصفقة: راجع { $fields }. يظهر عند كل حقل سبب الخطأ فيه.
    [many] لم تُحفظ الصفقة: راجع { $fields }. يظهر عند كل حقل سبب الخطأ فيه.
   *[other] لم تُحفظ الصفقة: راجع { $fields }. يظهر عند كل حقل سبب الخطأ فيه.
    }
form-refused-because = لم تُحفظ الصفقة: راجع { $fields }. ردّ نظام CRM: { $reason }
form-save-failed = { $outcome } { $reason } تبقى تغييراتك في هذا النموذج.
form-delete-failed = { $outcome } { $reason }
form-new-holds-changes = يحتوي نموذج الصفقة الجديدة على تغييرات أخرى غير محفوظة: احفظها أو تجاهلها أولًا.
form-keep-as-new = الاحتفاظ بتغييراتي كصفقة جديدة
form-restored = تمت استعادة تغييراتك السابقة غير المحفوظة.
form-discard-restored = تجاهل التغييرات المستعادة
form-restored-discarded = تم تجاهل التغييرات المستعادة: يعرض النموذج الصفقة كما هي.
form-discard-title = هل تريد تجاهل التغييرات غير المحفوظة؟
form-discard-body = سيضيع ما كتبته في هذا النموذج.
form-discard-confirm = تجاهل التغييرات
form-keep-editing = متابعة التعديل
form-delete-title = هل تريد حذف «{ $name }»؟
form-delete-body = ستُحذف الصفقة نهائيًا. لا يمكن التراجع عن ذلك.
form-delete-confirm = حذف الصفقة
select-placeholder = اختر…
select-no-longer-offered = { $id } (لم يعد متاحًا)
picker-choices = خيارات { $label }
picker-empty = لا توجد خيارات بعد: اكتب اسمًا أو معرّفًا.
picker-no-match = لا توجد نتائج تطابق «{ $query }»: سيُعتمد ما كتبته معرّفًا.
picker-failed = تعذّر البحث عن الأسماء ({ $reason }). اكتب المعرّف بدلًا من ذلك.

## التحقق من الصحة

error-required = حقل { $label } مطلوب
error-too-long = يجب ألا يتجاوز عدد أحرف { $label } { $max } (العدد الحالي { $count })
error-too-short = يجب ألا يقل عدد أحرف { $label } عن { $min } (العدد الحالي { $count })
error-format = يجب أن تكون قيمة { $label } { $format }
error-negative = لا يمكن أن تكون قيمة { $label } سالبة
error-at-least = يجب ألا تقل قيمة { $label } عن { $min }
error-whole-number-range = يجب أن تكون قيمة { $label } عددًا صحيحًا من { $min } إلى { $max }
error-choose-from-list = اختر عنصرًا من القائمة
error-must-be-ticked = يجب تحديد خانة { $label }
error-number = يجب أن تكون قيمة { $label } رقمًا مثل { $example }
error-number-at-least = يجب ألا تقل قيمة { $label } عن { $min }
error-number-at-most = يجب ألا تزيد قيمة { $label } على { $max }
error-email = يجب أن تكون قيمة { $label } عنوان بريد إلكتروني مثل name@example.com
error-url = يجب أن تكون قيمة { $label } عنوان ويب يبدأ بـ https://
error-phone = يجب أن تكون قيمة { $label } رقم هاتف: أرقام ومسافات والرموز + - ( )، مع 5 أرقام على الأقل
error-currency-code = يجب أن تكون العملة رمزًا من ثلاثة أحرف وفق ISO 4217 مثل USD أو EUR
error-currency-unlisted = يجب أن تكون العملة رمزًا مستخدمًا من رموز ISO 4217 مثل USD أو EUR؛ و«{ $code }» ليس منها
error-date-format = أدخل التاريخ بالصيغة YYYY-MM-DD
error-date-no-such-day = لا يوجد يوم { $date } في التقويم
error-date-range = يجب أن يكون تاريخ الإغلاق بين { $min } و{ $max }
error-date-unreadable = أدخل تاريخًا كاملًا موجودًا، أو امسح الحقل
error-amount-number = أدخل رقمًا مثل { $example }
error-amount-ambiguous = استخدم «{ $decimal }» للكسور العشرية، كما في { $example }
error-amount-precision = تقبل مبالغ { $currency } { $digits ->
    [0] أعدادًا صحيحة فقط، بلا منازل عشرية
    [zero] أعدادًا صحيحة فقط، بلا منازل عشرية
    [one] منزلة عشرية واحدة على الأكثر
    [two] منزلتين عشريتين على الأكثر
    [few] { $digits } منازل عشرية على الأكثر
    [many] { $digits } منزلة عشرية على الأكثر
   *[other] { $digits } منزلة عشرية على الأكثر
    }
error-amount-too-large = المبلغ كبير جدًا
error-amount-other-currency = هذا المبلغ بعملة { $currency }، لا «{ $typed }»
format-uuid = معرّفًا بصيغة UUID مثل 3c90c3cc-0d44-4b50-8888-8dd25736052a
format-integer = معرّفًا رقميًا صحيحًا
format-prefixed = معرّفًا يبدأ بـ { $prefix }
format-email = عنوان بريد إلكتروني
format-member = عنوان البريد الإلكتروني لعضو في مساحة العمل (أو المعرّف الظاهر له)
format-record-or-domain = نطاق شركة مثل example.com (أو المعرّف الظاهر لها)

## ما الخطأ الذي حدث

outcome-not-saved = لم تُحفظ الصفقة.
outcome-not-deleted = لم تُحذف الصفقة.
outcome-maybe-not-saved = ربما لم تُحفظ الصفقة.
outcome-maybe-not-deleted = ربما لم تُحذف الصفقة.
outcome-unreadable-saved = ربما حُفظت الصفقة، لكن تعذّرت قراءة ردّ نظام CRM: راجع قائمة الصفقات قبل الحفظ مرة أخرى.
outcome-unreadable-deleted = ربما حُذفت الصفقة، لكن تعذّرت قراءة ردّ نظام CRM: راجع قائمة الصفقات قبل الحذف مرة أخرى.
error-fields-refused = رُفضت بعض الحقول: يوضّح كل منها السبب.
error-not-found = لم تعد هذه الصفقة موجودة؛ ربما حُذفت من مكان آخر.
error-unauthorized = رفض نظام CRM بيانات الاعتماد: { $reason }
error-forbidden = لا يسمح نظام CRM لبيانات الاعتماد هذه بتنفيذ هذا الإجراء.
error-forbidden-because = لا يسمح نظام CRM لبيانات الاعتماد هذه بتنفيذ هذا الإجراء: { $reason }
error-rate-limited = يحدّ نظام CRM من عدد الطلبات. حاول مرة أخرى بعد قليل.
error-rate-limited-for = يحدّ نظام CRM من عدد الطلبات. حاول مرة أخرى بعد { $seconds ->
    [zero] { $seconds } ثانية
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
    }.
error-unreachable = تعذّر الوصول إلى نظام CRM: { $reason }
error-code-unreachable = تعذّر جلب جزء من التطبيق. تحقّق من الاتصال، ثم أعد المحاولة؛ وإن لم يُجدِ ذلك، فأعد تحميل الصفحة.
error-code-gone = لم يعد جزء من التطبيق موجودًا على الخادم: فقد حُدّث منذ فتح هذه الصفحة. أعد تحميل الصفحة للمتابعة.
error-malformed = أرسل نظام CRM ردًّا تعذّرت قراءته: { $detail }
error-storage-corrupt = تعذّرت قراءة الصفقات المحفوظة في هذا المتصفح ({ $reason }).
error-storage-unavailable = تعذّر على المتصفح تخزين الصفقات: { $reason }
error-refused = رفض نظام CRM الطلب ({ $status }).
error-refused-because = رفض نظام CRM الطلب ({ $status })، و{ $reason }
error-crm-problem = واجه نظام CRM مشكلة ({ $status }).
error-crm-problem-because = واجه نظام CRM مشكلة ({ $status }): { $reason }
error-html-answer = أجاب بصفحة HTML بدلًا من واجهة JSON البرمجية الخاصة به (خطأ في وكيل أو بوابة؟)
error-unexpected-answer = لم يكن ردّه بصيغة JSON التي توثّقها واجهته البرمجية
error-explanation-unread = تعذّرت قراءة توضيحه. { $reason }
error-address-deals = أجاب { $crm } بـ«غير موجود» (404) عند طلب قائمة الصفقات منه: قد يكون العنوان المضبوط له في dealform خاطئًا. تحقّق من base_url في الإعدادات (قيمته { $base_url }).
error-address-stages = أجاب { $crm } بـ«غير موجود» (404) عند طلب قائمة المراحل منه: قد يكون العنوان المضبوط له في dealform خاطئًا. تحقّق من base_url في الإعدادات (قيمته { $base_url }).
error-address-owners = أجاب { $crm } بـ«غير موجود» (404) عند طلب قائمة المسؤولين منه: قد يكون العنوان المضبوط له في dealform خاطئًا. تحقّق من base_url في الإعدادات (قيمته { $base_url }).
error-address-companies = أجاب { $crm } بـ«غير موجود» (404) عند طلب قائمة الشركات منه: قد يكون العنوان المضبوط له في dealform خاطئًا. تحقّق من base_url في الإعدادات (قيمته { $base_url }).
error-create-address = أجاب { $crm } بـ«غير موجود» (404) عند إرسال الصفقة الجديدة إلى { $url }: قد يكون العنوان المضبوط له في dealform خاطئًا. تحقّق في الإعدادات من base_url، ومن { $setting } إن كان مضبوطًا.
backend-no-local-data = لا يحتفظ { $backend } بأي بيانات في هذا المتصفح
stages-from-config = تعذّر تحميل قائمة المراحل من { $crm } ({ $reason })؛ تُعرض المراحل الواردة في الإعدادات.
network-cannot-send = لا يستطيع المتصفح إرسال الطلبات
network-offline = هذا المتصفح غير متصل بالإنترنت. أعد الاتصال، ثم حاول مرة أخرى ({ $detail }).
network-failed = لم يستجب { $crm }: فشل الاتصال أو انقطع. تحقّق من اتصال الإنترنت، ثم حاول مرة أخرى. إذا استمر الفشل، فأبلغ من أعدّ dealform: قد يكون base_url الخاص به خاطئًا، أو قد لا يقبل { $crm } الطلبات من هذه الصفحة (CORS) ({ $detail }).
network-check-connection = تحقّق من اتصال الإنترنت، ثم حاول مرة أخرى
network-cut-off = لم يكتمل ردّ { $crm }: انقطع الاتصال. { $next }. ({ $detail }).
network-timed-out = لم يستجب { $crm } خلال { $seconds ->
    [zero] { $seconds } ثانية
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
    }
network-timed-out-then = { $timeout }. { $next }
network-may-have-created = ربما أُنشئت الصفقة رغم ذلك: راجع قائمة الصفقات قبل الحفظ مرة أخرى
network-may-have-saved = ربما حُفظ التغيير رغم ذلك: راجع الصفقة قبل الحفظ مرة أخرى
network-may-have-deleted = ربما حُذفت الصفقة رغم ذلك: راجع قائمة الصفقات قبل الحذف مرة أخرى
activity-rate-limited = طلب { $crm } الإبطاء: ستُعاد المحاولة بعد { $seconds ->
    [zero] { $seconds } ثانية
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
    }…
