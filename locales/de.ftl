# Die Texte von dealform auf Deutsch: übersetzt aus dem englischen Katalog (en.ftl), dem jede andere Sprache Schlüssel für Schlüssel folgt.
# Fluent-Syntax (https://projectfluent.org/): `{ $name }` wird von der App ausgefüllt; ein
# `{ $count -> … }`-Block wählt die Form, die die Pluralregeln der Sprache verlangen.
# Eine neue Sprache ist diese Datei übersetzt, gespeichert als locales/{code}.ftl (README, „Languages“).

# Schreibrichtung der Sprache: ltr (von links nach rechts) oder rtl (von rechts nach links).
direction = ltr

## Allgemein

loading = Wird geladen…
retry = Erneut versuchen
cancel = Abbrechen
yes = Ja
no = Nein
landmark-of = { $part } ({ $list })
warning-no-storage = Dieser Browser erlaubt hier keine Speicherung: Deals gehen verloren, wenn die Seite geschlossen wird.

## Titel der eigenständigen Seite

title-list = Deals — dealform
title-new = Neuer Deal — dealform
title-edit = Deal bearbeiten — dealform

## Start

app-open-failed = Die Deals konnten nicht geöffnet werden
config-needs-fixing = Die Konfiguration muss korrigiert werden
config-widget-needs-fixing = Dieses Deals-Widget muss korrigiert werden

## Die Deal-Liste

list-heading = Deals
list-heading-numbered = Deals { $number }
list-search = Deals durchsuchen
list-no-search = Die Deal-Liste von { $crm } kann nicht durchsucht werden.
list-new = Neuer Deal
list-loading = Deals werden geladen…
list-load-failed = Die Deals konnten nicht geladen werden
list-show-failed = Die Deals konnten nicht angezeigt werden
list-no-more = Es gibt keine weiteren Deals.
list-empty = Noch keine Deals. Legen Sie mit „Neuer Deal“ den ersten an.
list-no-match = Keine Deals gefunden für „{ $search }“.
list-sorted-ascending = Sortiert nach { $column }, aufsteigend.
list-sorted-descending = Sortiert nach { $column }, absteigend.
list-stage-ids = Die Phasennamen konnten nicht aus { $crm } geladen werden ({ $reason }), daher zeigt die Spalte „Phase“ Phasen-IDs.
list-reset = Lokale Daten zurücksetzen
list-reset-title = Die in diesem Browser gespeicherten Deals zurücksetzen?
list-reset-body = Die unlesbaren Daten werden unter einem anderen Speicherschlüssel aufbewahrt, und die Liste beginnt leer.
list-reset-unavailable = Das Zurücksetzen konnte nicht angeboten werden
list-reset-done = Die unlesbaren Daten wurden unter dem Speicherschlüssel „{ $key }“ beiseitegelegt. Es wird neu begonnen.

## Seiten und die scrollbare Liste

pager-landmark = Seiten
pager-previous = Vorherige Seite
pager-next = Nächste Seite
pager-range-of-total = { $first }–{ $last } von { $total } { $total ->
    [one] Deal
   *[other] Deals
    }
pager-one-of-total = { $first } von { $total } { $total ->
    [one] Deal
   *[other] Deals
    }
pager-range = Deals { $first }–{ $last }
pager-one = Deal { $first }
scroll-landmark = Alle Deals, scrollbar
scroll-count = { $count } { $count ->
    [one] Deal
   *[other] Deals
    }
scroll-count-loaded = { $count } { $count ->
    [one] Deal
   *[other] Deals
    }, { $loaded } geladen
scroll-load-failed = Einige Deals konnten nicht geladen werden. { $reason }
scroll-row-failed = Nicht geladen

## Entwürfe

draft-new = Sie haben einen ungespeicherten neuen Deal { $name }.
draft-edit = Sie haben ungespeicherte Änderungen am Deal { $name }.
draft-region = Ungespeicherter Entwurf zum Deal { $name }
draft-untitled = ohne Namen
draft-quoted = „{ $name }“
draft-resume = Entwurf fortsetzen
draft-discard = Entwurf verwerfen
draft-discarded = Entwurf verworfen.

## Ergebnisse

notice-created = „{ $name }“ wurde erstellt.
notice-updated = Änderungen an „{ $name }“ wurden gespeichert.
notice-deleted = „{ $name }“ wurde gelöscht.
notice-open = „{ $name }“ öffnen

## Felder

field-name = Name
field-amount = Betrag
field-currency = Währung
field-stage = Phase
field-close-date = Abschlussdatum
field-probability = Gewinnwahrscheinlichkeit
field-owner = Inhaber
field-company = Unternehmen
field-description = Beschreibung
field-custom = Benutzerdefiniertes Feld
# Die Bezeichnung von YSUITE für die Phase.
field-pipeline = Pipeline

## Das Formular

form-title-new = Neuer Deal
form-title-edit = Deal bearbeiten
form-open-failed = Das Formular konnte nicht geöffnet werden
form-deal-open-failed = Dieser Deal konnte nicht geöffnet werden
form-back = Zurück zu den Deals
form-required-note = Mit * markierte Felder sind Pflichtfelder.
form-save = Speichern
form-saving = Wird gespeichert…
form-delete = Löschen
form-amount-hint = Zum Beispiel { $example }
form-probability-hint = 0 bis 100 Prozent
form-currency-hint = Code aus drei Buchstaben, z. B. USD oder EUR
form-must-be = Muss { $format } sein
form-stages-failed = Die Phasenliste konnte nicht geladen werden ({ $reason }); geben Sie die Phasen-ID ein.
form-no-owner-lookup = { $crm } bietet keine Suche nach Inhabern: Geben Sie die ID ein ({ $format })
form-no-company-lookup = { $crm } bietet keine Suche nach Unternehmen: Geben Sie die ID ein ({ $format })
form-errors-summary = { $count ->
    [one] { $count } Feld muss vor dem Speichern korrigiert werden: { $fields }.
   *[other] { $count } Felder müssen vor dem Speichern korrigiert werden: { $fields }.
    }
form-refused = { $count ->
    [one] Der Deal wurde nicht gespeichert: Prüfen Sie das Feld { $fields }; dort steht, was falsch ist.
   *[other] Der Deal wurde nicht gespeichert: Prüfen Sie die Felder { $fields }. Bei jedem steht, was falsch ist.
    }
form-refused-because = Der Deal wurde nicht gespeichert: Prüfen Sie { $fields }. Das CRM meldet: { $reason }
form-save-failed = { $outcome } { $reason } Ihre Änderungen bleiben in diesem Formular erhalten.
form-delete-failed = { $outcome } { $reason }
form-new-holds-changes = Das Formular für neue Deals enthält andere ungespeicherte Änderungen: Speichern oder verwerfen Sie diese zuerst.
form-keep-as-new = Meine Änderungen als neuen Deal behalten
form-restored = Ihre früheren ungespeicherten Änderungen wurden wiederhergestellt.
form-discard-restored = Wiederhergestellte Änderungen verwerfen
form-restored-discarded = Wiederhergestellte Änderungen verworfen: Das Formular zeigt den aktuellen Stand des Deals.
form-discard-title = Ungespeicherte Änderungen verwerfen?
form-discard-body = Ihre Eingaben in diesem Formular gehen verloren.
form-discard-confirm = Änderungen verwerfen
form-keep-editing = Weiter bearbeiten
form-delete-title = „{ $name }“ löschen?
form-delete-body = Der Deal wird endgültig entfernt. Dies kann nicht rückgängig gemacht werden.
form-delete-confirm = Deal löschen
select-placeholder = Auswählen…
select-no-longer-offered = { $id } (nicht mehr verfügbar)
picker-choices = Optionen für { $label }
picker-empty = Noch keine Auswahl vorhanden: Geben Sie einen Namen oder eine ID ein.
picker-no-match = Kein Treffer für „{ $query }“: Ihre Eingabe wird als ID übernommen.
picker-failed = Die Namen konnten nicht abgerufen werden ({ $reason }). Geben Sie stattdessen die ID ein.

## Validierung

error-required = { $label } ist erforderlich
error-too-long = { $label } darf höchstens { $max } Zeichen lang sein (derzeit { $count })
error-too-short = { $label } muss mindestens { $min } Zeichen lang sein (derzeit { $count })
error-format = { $label } muss { $format } sein
error-negative = { $label } darf nicht negativ sein
error-at-least = { $label } muss mindestens { $min } sein
error-whole-number-range = { $label } muss eine ganze Zahl von { $min } bis { $max } sein
error-choose-from-list = Wählen Sie einen Eintrag aus der Liste
error-must-be-ticked = { $label } muss angehakt sein
error-number = { $label } muss eine Zahl wie { $example } sein
error-number-at-least = { $label } muss mindestens { $min } sein
error-number-at-most = { $label } darf höchstens { $max } sein
error-email = { $label } muss eine E-Mail-Adresse wie name@example.com sein
error-url = { $label } muss eine Webadresse sein, die mit https:// beginnt
error-phone = { $label } muss eine Telefonnummer sein: Ziffern, Leerzeichen, + - ( ) und mindestens 5 Ziffern
error-currency-code = Die Währung muss ein Code aus drei Buchstaben nach ISO 4217 sein, z. B. USD oder EUR
error-currency-unlisted = Die Währung muss ein gültiger Code nach ISO 4217 sein, z. B. USD oder EUR; „{ $code }“ ist keiner
error-date-format = Geben Sie ein Datum im Format YYYY-MM-DD ein
error-date-no-such-day = { $date } ist kein Tag im Kalender
error-date-range = Das Abschlussdatum muss zwischen { $min } und { $max } liegen
error-date-unreadable = Geben Sie ein vollständiges, existierendes Datum ein oder leeren Sie das Feld
error-amount-number = Geben Sie eine Zahl wie { $example } ein
error-amount-ambiguous = Verwenden Sie „{ $decimal }“ für Dezimalstellen, wie in { $example }
error-amount-precision = { $currency }-Beträge haben { $digits ->
    [0] keine Nachkommastellen
    [one] höchstens { $digits } Nachkommastelle
   *[other] höchstens { $digits } Nachkommastellen
    }
error-amount-too-large = Der Betrag ist zu groß
error-amount-other-currency = Dieser Betrag lautet auf { $currency }, nicht auf „{ $typed }“
format-uuid = eine UUID wie 3c90c3cc-0d44-4b50-8888-8dd25736052a
format-integer = eine ganze Zahl als ID
format-prefixed = eine mit { $prefix } beginnende ID
format-email = eine E-Mail-Adresse
format-member = die E-Mail-Adresse eines Workspace-Mitglieds (oder die dafür angezeigte ID)
format-record-or-domain = die Domain eines Unternehmens wie example.com (oder die dafür angezeigte ID)

## Was schiefgelaufen ist

outcome-not-saved = Der Deal wurde nicht gespeichert.
outcome-not-deleted = Der Deal wurde nicht gelöscht.
outcome-maybe-not-saved = Der Deal wurde möglicherweise nicht gespeichert.
outcome-maybe-not-deleted = Der Deal wurde möglicherweise nicht gelöscht.
outcome-unreadable-saved = Der Deal wurde möglicherweise gespeichert, aber die Antwort des CRM konnte nicht gelesen werden: Prüfen Sie die Deal-Liste, bevor Sie erneut speichern.
outcome-unreadable-deleted = Der Deal wurde möglicherweise gelöscht, aber die Antwort des CRM konnte nicht gelesen werden: Prüfen Sie die Deal-Liste, bevor Sie erneut löschen.
error-fields-refused = Einige Felder wurden abgelehnt: Bei jedem steht der Grund.
error-not-found = Dieser Deal existiert nicht mehr; er wurde möglicherweise an anderer Stelle gelöscht.
error-unauthorized = Das CRM hat die Zugangsdaten abgelehnt: { $reason }
error-forbidden = Das CRM erlaubt diese Aktion mit diesen Zugangsdaten nicht.
error-forbidden-because = Das CRM erlaubt diese Aktion mit diesen Zugangsdaten nicht: { $reason }
error-rate-limited = Das CRM begrenzt die Anfragen. Versuchen Sie es gleich noch einmal.
error-rate-limited-for = Das CRM begrenzt die Anfragen. Versuchen Sie es in { $seconds } { $seconds ->
    [one] Sekunde
   *[other] Sekunden
    } erneut.
error-unreachable = Das CRM ist nicht erreichbar: { $reason }
error-code-unreachable = Ein Teil der App konnte nicht abgerufen werden. Prüfen Sie die Verbindung und versuchen Sie es erneut; hilft das nicht, laden Sie die Seite neu.
error-code-gone = Ein Teil der App ist nicht mehr auf dem Server: Die App wurde aktualisiert, seit diese Seite geöffnet wurde. Laden Sie die Seite neu, um fortzufahren.
error-malformed = Das CRM hat eine Antwort gesendet, die nicht gelesen werden konnte: { $detail }
error-storage-corrupt = Die in diesem Browser gespeicherten Deals konnten nicht gelesen werden ({ $reason }).
error-storage-unavailable = Der Browser konnte die Deals nicht speichern: { $reason }
error-refused = Das CRM hat die Anfrage abgelehnt ({ $status }).
error-refused-because = Das CRM hat die Anfrage abgelehnt ({ $status }), und { $reason }
error-crm-problem = Beim CRM ist ein Problem aufgetreten ({ $status }).
error-crm-problem-because = Beim CRM ist ein Problem aufgetreten ({ $status }): { $reason }
error-html-answer = es hat mit einer HTML-Seite statt mit seiner JSON-API geantwortet (ein Proxy- oder Gateway-Fehler?)
error-unexpected-answer = seine Antwort war nicht das JSON, das seine API dokumentiert
error-explanation-unread = seine Erklärung konnte nicht gelesen werden. { $reason }
error-address-deals = { $crm } hat auf die Anfrage nach seinen Deals mit „nicht gefunden“ (404) geantwortet: Die Adresse, die dealform dafür erhalten hat, ist möglicherweise falsch. Prüfen Sie base_url in der Konfiguration (derzeit { $base_url }).
error-address-stages = { $crm } hat auf die Anfrage nach seinen Phasen mit „nicht gefunden“ (404) geantwortet: Die Adresse, die dealform dafür erhalten hat, ist möglicherweise falsch. Prüfen Sie base_url in der Konfiguration (derzeit { $base_url }).
error-address-owners = { $crm } hat auf die Anfrage nach seinen Inhabern mit „nicht gefunden“ (404) geantwortet: Die Adresse, die dealform dafür erhalten hat, ist möglicherweise falsch. Prüfen Sie base_url in der Konfiguration (derzeit { $base_url }).
error-address-companies = { $crm } hat auf die Anfrage nach seinen Unternehmen mit „nicht gefunden“ (404) geantwortet: Die Adresse, die dealform dafür erhalten hat, ist möglicherweise falsch. Prüfen Sie base_url in der Konfiguration (derzeit { $base_url }).
error-create-address = { $crm } hat beim Senden des neuen Deals an { $url } mit „nicht gefunden“ (404) geantwortet: Die Adresse, die dealform dafür erhalten hat, ist möglicherweise falsch. Prüfen Sie in der Konfiguration base_url und, falls gesetzt, { $setting }.
backend-no-local-data = { $backend } speichert keine Daten in diesem Browser
stages-from-config = Die Phasenliste konnte nicht aus { $crm } geladen werden ({ $reason }); es werden die Phasen aus der Konfiguration angezeigt.
network-cannot-send = der Browser kann keine Anfragen senden
network-offline = dieser Browser ist offline. Stellen Sie die Verbindung wieder her und versuchen Sie es dann erneut ({ $detail }).
network-failed = { $crm } hat nicht geantwortet: Die Verbindung ist fehlgeschlagen oder abgebrochen. Prüfen Sie die Internetverbindung und versuchen Sie es dann erneut. Wenn der Fehler weiterhin auftritt, wenden Sie sich an die Person, die dealform eingerichtet hat: Möglicherweise ist base_url falsch, oder { $crm } akzeptiert keine Anfragen von dieser Seite (CORS) ({ $detail }).
network-check-connection = Prüfen Sie die Internetverbindung und versuchen Sie es dann erneut
network-cut-off = Die Antwort von { $crm } wurde abgeschnitten: Die Verbindung ist abgebrochen. { $next }. ({ $detail }).
network-timed-out = { $crm } hat nicht innerhalb von { $seconds } { $seconds ->
    [one] Sekunde
   *[other] Sekunden
    } geantwortet
network-timed-out-then = { $timeout }. { $next }
network-may-have-created = Der Deal wurde möglicherweise trotzdem erstellt: Prüfen Sie die Deal-Liste, bevor Sie erneut speichern
network-may-have-saved = Die Änderung wurde möglicherweise trotzdem gespeichert: Prüfen Sie den Deal, bevor Sie erneut speichern
network-may-have-deleted = Der Deal wurde möglicherweise trotzdem gelöscht: Prüfen Sie die Deal-Liste, bevor Sie erneut löschen
activity-rate-limited = { $crm } drosselt die Anfragen: neuer Versuch in { $seconds } { $seconds ->
    [one] Sekunde
   *[other] Sekunden
    }…
