# Los textos de dealform en español, traducidos del catálogo inglés (en.ftl), clave por clave.
# Sintaxis de Fluent (https://projectfluent.org/): la aplicación rellena `{ $name }`; un
# bloque `{ $count -> … }` elige la forma que piden las reglas de plural del idioma.
# Un idioma nuevo es este archivo traducido, guardado como locales/{code}.ftl (README, "Languages").

# Cómo se escribe el idioma: ltr (de izquierda a derecha) o rtl (de derecha a izquierda).
direction = ltr

## Compartido

loading = Cargando…
retry = Reintentar
cancel = Cancelar
yes = Sí
no = No
landmark-of = { $part } ({ $list })
warning-no-storage = Este navegador no permite guardar datos aquí: los negocios se perderán al cerrar la página.

## Título de la página independiente

title-list = Negocios — dealform
title-new = Nuevo negocio — dealform
title-edit = Editar negocio — dealform

## Inicio

app-open-failed = No se pudieron abrir los negocios
config-needs-fixing = Hay que corregir la configuración
config-widget-needs-fixing = Hay que corregir este widget de negocios

## La lista de negocios

list-heading = Negocios
list-heading-numbered = Negocios { $number }
list-search = Buscar negocios
list-no-search = La lista de negocios de { $crm } no admite búsquedas.
list-new = Nuevo negocio
list-loading = Cargando negocios…
list-load-failed = No se pudieron cargar los negocios
list-show-failed = No se pudieron mostrar los negocios
list-no-more = No hay más negocios después de estos.
list-empty = Aún no hay negocios. Use «Nuevo negocio» para añadir el primero.
list-no-match = Ningún negocio coincide con «{ $search }».
list-sorted-ascending = Ordenado por { $column }, en orden ascendente.
list-sorted-descending = Ordenado por { $column }, en orden descendente.
list-stage-ids = No se pudieron cargar los nombres de las etapas desde { $crm } ({ $reason }), por lo que la columna Etapa muestra los identificadores de las etapas.
list-reset = Restablecer datos locales
list-reset-title = ¿Restablecer los negocios guardados en este navegador?
list-reset-body = Los datos ilegibles se conservan aparte con otra clave de almacenamiento y la lista empieza vacía.
list-reset-unavailable = No se pudo ofrecer el restablecimiento
list-reset-done = Los datos ilegibles se apartaron con la clave de almacenamiento «{ $key }». Se empieza de cero.

## Páginas y la lista desplazable

pager-landmark = Páginas
pager-previous = Página anterior
pager-next = Página siguiente
pager-range-of-total = { $first }–{ $last } de { $total } { $total ->
    [one] negocio
   *[other] negocios
    }
pager-one-of-total = { $first } de { $total } { $total ->
    [one] negocio
   *[other] negocios
    }
pager-range = Negocios { $first }–{ $last }
pager-one = Negocio { $first }
scroll-landmark = Todos los negocios, desplazable
scroll-count = { $count } { $count ->
    [one] negocio
   *[other] negocios
    }
scroll-count-loaded = { $count } { $count ->
    [one] negocio
   *[other] negocios
    }, cargados: { $loaded }
scroll-load-failed = No se pudieron cargar algunos negocios. { $reason }
scroll-row-failed = No cargado

## Borradores

draft-new = Tiene un negocio nuevo sin guardar: { $name }.
draft-edit = Tiene cambios sin guardar en { $name }.
draft-region = Borrador sin guardar de { $name }
draft-untitled = (sin nombre)
draft-quoted = «{ $name }»
draft-resume = Reanudar borrador
draft-discard = Descartar borrador
draft-discarded = Borrador descartado.

## Resultados

notice-created = Se creó «{ $name }».
notice-updated = Se guardaron los cambios en «{ $name }».
notice-deleted = Se eliminó «{ $name }».
notice-open = Abrir «{ $name }»

## Campos

field-name = Nombre
field-amount = Importe
field-currency = Moneda
field-stage = Etapa
field-close-date = Fecha de cierre
field-probability = Probabilidad de éxito
field-owner = Responsable
field-company = Empresa
field-description = Descripción
field-custom = Campo personalizado
# Nombre que YSUITE da a la etapa.
field-pipeline = Embudo

## El formulario

form-title-new = Nuevo negocio
form-title-edit = Editar negocio
form-open-failed = No se pudo abrir el formulario
form-deal-open-failed = No se pudo abrir este negocio
form-back = Volver a los negocios
form-required-note = Los campos marcados con * son obligatorios.
form-save = Guardar
form-saving = Guardando…
form-delete = Eliminar
form-amount-hint = Por ejemplo, { $example }
form-probability-hint = De 0 a 100 %
form-currency-hint = Código de tres letras, p. ej., USD o EUR
form-must-be = Debe ser { $format }
form-stages-failed = No se pudo cargar la lista de etapas ({ $reason }); escriba el identificador de la etapa.
form-no-owner-lookup = { $crm } no permite buscar responsables: escriba el identificador ({ $format })
form-no-company-lookup = { $crm } no permite buscar empresas: escriba el identificador ({ $format })
form-errors-summary = { $count ->
    [one] { $count } campo requiere atención antes de guardar: { $fields }.
   *[other] { $count } campos requieren atención antes de guardar: { $fields }.
    }
form-refused = { $count ->
    [one] No se guardó el negocio: revise { $fields }, que indica cuál es el problema.
   *[other] No se guardó el negocio: revise { $fields }. Cada uno indica cuál es el problema.
    }
form-refused-because = No se guardó el negocio: revise { $fields }. El CRM indicó: { $reason }
form-save-failed = { $outcome } { $reason } Sus cambios se conservan en este formulario.
form-delete-failed = { $outcome } { $reason }
form-new-holds-changes = El formulario de nuevo negocio tiene otros cambios sin guardar: guárdelos o descártelos primero.
form-keep-as-new = Conservar mis cambios como un negocio nuevo
form-restored = Se restauraron los cambios que no había guardado antes.
form-discard-restored = Descartar los cambios restaurados
form-restored-discarded = Cambios restaurados descartados: el formulario muestra el negocio tal como está.
form-discard-title = ¿Descartar los cambios sin guardar?
form-discard-body = Se perderá lo que escribió en este formulario.
form-discard-confirm = Descartar cambios
form-keep-editing = Seguir editando
form-delete-title = ¿Eliminar «{ $name }»?
form-delete-body = El negocio se eliminará definitivamente. Esta acción no se puede deshacer.
form-delete-confirm = Eliminar negocio
select-placeholder = Elija…
select-no-longer-offered = { $id } (ya no está disponible)
picker-choices = Opciones de { $label }
picker-empty = Aún no hay nada para elegir: escriba un nombre o un identificador.
picker-no-match = No hay coincidencias para «{ $query }»: lo que escribió se conserva como identificador.
picker-failed = No se pudieron buscar los nombres ({ $reason }). Escriba el identificador en su lugar.

## Validación

error-required = El campo { $label } es obligatorio
error-too-long = { $label } debe tener como máximo { $max } { $max ->
        [one] carácter
       *[other] caracteres
    } (tiene { $count })
error-too-short = { $label } debe tener al menos { $min } { $min ->
        [one] carácter
       *[other] caracteres
    } (tiene { $count })
error-format = { $label } debe ser { $format }
error-negative = { $label } no puede ser un valor negativo
error-at-least = { $label } debe ser como mínimo { $min }
error-whole-number-range = { $label } debe ser un número entero entre { $min } y { $max }
error-choose-from-list = Elija una opción de la lista
error-must-be-ticked = Debe marcar { $label }
error-number = { $label } debe ser un número, como { $example }
error-number-at-least = { $label } debe ser como mínimo { $min }
error-number-at-most = { $label } debe ser como máximo { $max }
error-email = { $label } debe ser una dirección de correo electrónico, como name@example.com
error-url = { $label } debe ser una dirección web que empiece por https://
error-phone = { $label } debe ser un número de teléfono: dígitos, espacios, + - ( ) y al menos 5 dígitos
error-currency-code = La moneda debe ser un código ISO 4217 de tres letras, como USD o EUR
error-currency-unlisted = La moneda debe ser un código ISO 4217 en uso, como USD o EUR; «{ $code }» no lo es
error-date-format = Introduzca una fecha con el formato YYYY-MM-DD
error-date-no-such-day = { $date } no es un día del calendario
error-date-range = La fecha de cierre debe estar entre { $min } y { $max }
error-date-unreadable = Introduzca una fecha completa que exista o deje el campo vacío
error-amount-number = Introduzca un número, como { $example }
error-amount-ambiguous = Use «{ $decimal }» para los decimales, como en { $example }
error-amount-precision = Los importes en { $currency } { $digits ->
    [0] no admiten decimales
    [one] admiten como máximo { $digits } decimal
   *[other] admiten como máximo { $digits } decimales
    }
error-amount-too-large = El importe es demasiado grande
error-amount-other-currency = Este importe está en { $currency }, no en «{ $typed }»
format-uuid = un UUID como 3c90c3cc-0d44-4b50-8888-8dd25736052a
format-integer = un identificador numérico entero
format-prefixed = un identificador que empiece por { $prefix }
format-email = una dirección de correo electrónico
format-member = la dirección de correo electrónico de un miembro del espacio de trabajo (o el identificador que se muestra para él)
format-record-or-domain = el dominio de una empresa, como example.com (o el identificador que se muestra para ella)

## Qué salió mal

outcome-not-saved = No se guardó el negocio.
outcome-not-deleted = No se eliminó el negocio.
outcome-maybe-not-saved = Es posible que el negocio no se haya guardado.
outcome-maybe-not-deleted = Es posible que el negocio no se haya eliminado.
outcome-unreadable-saved = Es posible que el negocio se haya guardado, pero no se pudo leer la respuesta del CRM: revise la lista de negocios antes de volver a guardar.
outcome-unreadable-deleted = Es posible que el negocio se haya eliminado, pero no se pudo leer la respuesta del CRM: revise la lista de negocios antes de volver a eliminarlo.
error-fields-refused = Se rechazaron algunos campos: cada uno indica el motivo.
error-not-found = Ese negocio ya no existe; puede que se haya eliminado desde otro lugar.
error-unauthorized = El CRM rechazó las credenciales: { $reason }
error-forbidden = El CRM no permite realizar esta acción con estas credenciales.
error-forbidden-because = El CRM no permite realizar esta acción con estas credenciales: { $reason }
error-rate-limited = El CRM está limitando las solicitudes. Vuelva a intentarlo en breve.
error-rate-limited-for = El CRM está limitando las solicitudes. Vuelva a intentarlo en { $seconds } { $seconds ->
    [one] segundo
   *[other] segundos
    }.
error-unreachable = No se pudo conectar con el CRM: { $reason }
error-code-unreachable = No se pudo descargar una parte de la aplicación. Compruebe la conexión y vuelva a intentarlo; si no funciona, recargue la página.
error-code-gone = Una parte de la aplicación ya no está en el servidor: se actualizó después de abrir esta página. Recargue la página para continuar.
error-malformed = El CRM envió una respuesta que no se pudo leer: { $detail }
error-storage-corrupt = No se pudieron leer los negocios guardados en este navegador ({ $reason }).
error-storage-unavailable = El navegador no pudo guardar los negocios: { $reason }
error-refused = El CRM rechazó la solicitud ({ $status }).
error-refused-because = El CRM rechazó la solicitud ({ $status }) y { $reason }
error-crm-problem = El CRM tuvo un problema ({ $status }).
error-crm-problem-because = El CRM tuvo un problema ({ $status }): { $reason }
error-html-answer = respondió con una página HTML, no con su API JSON (¿un error de proxy o de pasarela?)
error-unexpected-answer = su respuesta no era el JSON que documenta su API
error-explanation-unread = no se pudo leer su explicación. { $reason }
error-address-deals = { $crm } respondió «no encontrado» (404) al solicitarle sus negocios: puede que la dirección que se indicó a dealform para { $crm } sea incorrecta. Revise base_url en la configuración (su valor es { $base_url }).
error-address-stages = { $crm } respondió «no encontrado» (404) al solicitarle sus etapas: puede que la dirección que se indicó a dealform para { $crm } sea incorrecta. Revise base_url en la configuración (su valor es { $base_url }).
error-address-owners = { $crm } respondió «no encontrado» (404) al solicitarle sus responsables: puede que la dirección que se indicó a dealform para { $crm } sea incorrecta. Revise base_url en la configuración (su valor es { $base_url }).
error-address-companies = { $crm } respondió «no encontrado» (404) al solicitarle sus empresas: puede que la dirección que se indicó a dealform para { $crm } sea incorrecta. Revise base_url en la configuración (su valor es { $base_url }).
error-create-address = { $crm } respondió «no encontrado» (404) al enviarle el nuevo negocio a { $url }: puede que la dirección que se indicó a dealform para { $crm } sea incorrecta. Revise en la configuración base_url y, si está definido, { $setting }.
backend-no-local-data = { $backend } no guarda datos en este navegador
stages-from-config = No se pudo cargar la lista de etapas desde { $crm } ({ $reason }); se muestran las etapas de la configuración.
network-cannot-send = el navegador no puede enviar solicitudes
network-offline = este navegador no tiene conexión. Vuelva a conectarse e inténtelo de nuevo ({ $detail }).
network-failed = { $crm } no respondió: la conexión falló o se interrumpió. Compruebe la conexión a internet e inténtelo de nuevo. Si sigue fallando, avise a quien configuró dealform: puede que su base_url sea incorrecta o que { $crm } no acepte solicitudes desde esta página (CORS) ({ $detail }).
network-check-connection = Compruebe la conexión a internet e inténtelo de nuevo
network-cut-off = La respuesta de { $crm } se cortó: la conexión se interrumpió. { $next }. ({ $detail }).
network-timed-out = { $crm } no respondió en { $seconds } { $seconds ->
    [one] segundo
   *[other] segundos
    }
network-timed-out-then = { $timeout }. { $next }
network-may-have-created = Es posible que el negocio se haya creado de todos modos: revise la lista de negocios antes de volver a guardar
network-may-have-saved = Es posible que el cambio se haya guardado de todos modos: revise el negocio antes de volver a guardar
network-may-have-deleted = Es posible que el negocio se haya eliminado de todos modos: revise la lista de negocios antes de volver a eliminarlo
activity-rate-limited = { $crm } pidió reducir el ritmo: se volverá a intentar en { $seconds } { $seconds ->
    [one] segundo
   *[other] segundos
    }…
