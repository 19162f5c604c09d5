# Les mots de dealform en français, traduits du catalogue anglais (locales/en.ftl), clé par clé.
# Syntaxe Fluent (https://projectfluent.org/) : `{ $name }` est rempli par l'application ; un
# bloc `{ $count -> … }` choisit la forme demandée par les règles de pluriel de la langue.
# Une nouvelle langue est ce fichier traduit, enregistré sous locales/{code}.ftl (README, « Languages »).

# Sens d'écriture de la langue : ltr (de gauche à droite) ou rtl (de droite à gauche).
direction = ltr

## Commun

loading = Chargement…
retry = Réessayer
cancel = Annuler
yes = Oui
no = Non
landmark-of = { $part } ({ $list })
warning-no-storage = Ce navigateur n'autorise pas le stockage ici : les affaires seront perdues à la fermeture de la page.

## Le titre de la page autonome

title-list = Affaires — dealform
title-new = Nouvelle affaire — dealform
title-edit = Modifier l'affaire — dealform

## Démarrage

app-open-failed = Impossible d'ouvrir les affaires
config-needs-fixing = La configuration doit être corrigée
config-widget-needs-fixing = Ce widget d'affaires doit être corrigé

## La liste des affaires

list-heading = Affaires
list-heading-numbered = Affaires { $number }
list-search = Rechercher des affaires
list-no-search = La liste des affaires de { $crm } ne permet pas la recherche.
list-new = Nouvelle affaire
list-loading = Chargement des affaires…
list-load-failed = Impossible de charger les affaires
list-show-failed = Impossible d'afficher les affaires
list-no-more = Il n'y a plus d'affaires après celles-ci.
list-empty = Aucune affaire pour l'instant. Utilisez « Nouvelle affaire » pour ajouter la première.
list-no-match = Aucune affaire ne correspond à « { $search } ».
list-sorted-ascending = Tri par { $column }, ordre croissant.
list-sorted-descending = Tri par { $column }, ordre décroissant.
list-stage-ids = Impossible de charger les noms des étapes depuis { $crm } ({ $reason }) : la colonne Étape affiche donc les identifiants des étapes.
list-reset = Réinitialiser les données locales
list-reset-title = Réinitialiser les affaires stockées dans ce navigateur ?
list-reset-body = Les données illisibles sont mises de côté sous une autre clé de stockage, et la liste repart à vide.
list-reset-unavailable = La réinitialisation n'a pas pu être proposée
list-reset-done = Les données illisibles ont été mises de côté sous la clé de stockage « { $key } ». La liste repart de zéro.

## Les pages et la liste défilante

pager-landmark = Pages
pager-previous = Page précédente
pager-next = Page suivante
pager-range-of-total = { $first }–{ $last } sur { $total } { $total ->
    [one] affaire
   *[other] affaires
    }
pager-one-of-total = { $first } sur { $total } { $total ->
    [one] affaire
   *[other] affaires
    }
pager-range = Affaires { $first }–{ $last }
pager-one = Affaire { $first }
scroll-landmark = Toutes les affaires (liste défilante)
scroll-count = { $count } { $count ->
    [one] affaire
   *[other] affaires
    }
scroll-count-loaded = { $count } { $count ->
    [one] affaire
   *[other] affaires
    }, { $loaded } { $loaded ->
    [one] chargée
   *[other] chargées
    }
scroll-load-failed = Certaines affaires n'ont pas pu être chargées. { $reason }
scroll-row-failed = Non chargée

## Brouillons

draft-new = Vous avez une nouvelle affaire non enregistrée : { $name }.
draft-edit = Vous avez des modifications non enregistrées sur { $name }.
draft-region = Brouillon non enregistré : { $name }
draft-untitled = (sans nom)
draft-quoted = « { $name } »
draft-resume = Reprendre le brouillon
draft-discard = Abandonner le brouillon
draft-discarded = Brouillon abandonné.

## Résultats

notice-created = L'affaire « { $name } » a été créée.
notice-updated = Les modifications de « { $name } » ont été enregistrées.
notice-deleted = L'affaire « { $name } » a été supprimée.
notice-open = Ouvrir « { $name } »

## Champs

field-name = Nom
field-amount = Montant
field-currency = Devise
field-stage = Étape
field-close-date = Date de clôture
field-probability = Probabilité de gain
field-owner = Responsable
field-company = Entreprise
field-description = Description
field-custom = Champ personnalisé
# Le nom que YSUITE donne à l'étape.
field-pipeline = Pipeline

## Le formulaire

form-title-new = Nouvelle affaire
form-title-edit = Modifier l'affaire
form-open-failed = Impossible d'ouvrir le formulaire
form-deal-open-failed = Impossible d'ouvrir cette affaire
form-back = Retour aux affaires
form-required-note = Les champs marqués d'un * sont obligatoires.
form-save = Enregistrer
form-saving = Enregistrement…
form-delete = Supprimer
form-amount-hint = Par exemple { $example }
form-probability-hint = De 0 à 100 %
form-currency-hint = Code à trois lettres, par exemple USD ou EUR
form-must-be = Doit être { $format }
form-stages-failed = Impossible de charger la liste des étapes ({ $reason }) ; saisissez l'identifiant de l'étape.
form-no-owner-lookup = { $crm } ne permet pas de rechercher les responsables : saisissez l'identifiant ({ $format })
form-no-company-lookup = { $crm } ne permet pas de rechercher les entreprises : saisissez l'identifiant ({ $format })
form-errors-summary = { $count ->
    [one] { $count } champ est à corriger avant l'enregistrement : { $fields }.
   *[other] { $count } champs sont à corriger avant l'enregistrement : { $fields }.
    }
form-refused = { $count ->
    [one] L'affaire n'a pas été enregistrée : vérifiez le champ { $fields }, qui indique ce qui ne va pas.
   *[other] L'affaire n'a pas été enregistrée : vérifiez les champs { $fields }. Chacun indique ce qui ne va pas.
    }
form-refused-because = L'affaire n'a pas été enregistrée : vérifiez { $fields }. Le CRM a répondu : { $reason }
form-save-failed = { $outcome } { $reason } Vos modifications sont conservées dans ce formulaire.
form-delete-failed = { $outcome } { $reason }
form-new-holds-changes = Le formulaire de nouvelle affaire contient d'autres modifications non enregistrées : enregistrez-les ou abandonnez-les d'abord.
form-keep-as-new = Conserver mes modifications comme nouvelle affaire
form-restored = Vos modifications non enregistrées précédentes ont été restaurées.
form-discard-restored = Abandonner les modifications restaurées
form-restored-discarded = Modifications restaurées abandonnées : le formulaire affiche l'affaire telle qu'elle est.
form-discard-title = Abandonner les modifications non enregistrées ?
form-discard-body = Ce que vous avez saisi dans ce formulaire sera perdu.
form-discard-confirm = Abandonner les modifications
form-keep-editing = Continuer la modification
form-delete-title = Supprimer « { $name } » ?
form-delete-body = L'affaire sera définitivement supprimée. Cette action est irréversible.
form-delete-confirm = Supprimer l'affaire
select-placeholder = Choisir…
select-no-longer-offered = { $id } (plus proposé)
picker-choices = Choix pour { $label }
picker-empty = Aucun choix disponible pour l'instant : saisissez un nom ou un identifiant.
picker-no-match = Aucun résultat pour « { $query } » : votre saisie est conservée comme identifiant.
picker-failed = Impossible de rechercher les noms ({ $reason }). Saisissez plutôt l'identifiant.

## Validation

error-required = { $label } est obligatoire
error-too-long = { $label } doit comporter au plus { $max } { $max ->
        [one] caractère
       *[other] caractères
    } ({ $count } actuellement)
error-too-short = { $label } doit comporter au moins { $min } { $min ->
        [one] caractère
       *[other] caractères
    } ({ $count } actuellement)
error-format = { $label } doit être { $format }
error-negative = { $label } n'accepte pas les valeurs négatives
error-at-least = { $label } doit valoir au moins { $min }
error-whole-number-range = { $label } doit être un nombre entier compris entre { $min } et { $max }
error-choose-from-list = Choisissez une option dans la liste
error-must-be-ticked = La case { $label } doit être cochée
error-number = { $label } doit être un nombre, par exemple { $example }
error-number-at-least = { $label } doit valoir au moins { $min }
error-number-at-most = { $label } doit valoir au plus { $max }
error-email = { $label } doit être une adresse e-mail, par exemple name@example.com
error-url = { $label } doit être une adresse web commençant par https://
error-phone = { $label } doit être un numéro de téléphone : chiffres, espaces, + - ( ) et au moins 5 chiffres
error-currency-code = La devise doit être un code ISO 4217 à trois lettres, par exemple USD ou EUR
error-currency-unlisted = La devise doit être un code ISO 4217 en usage, par exemple USD ou EUR ; « { $code } » n'en est pas un
error-date-format = Saisissez une date au format YYYY-MM-DD
error-date-no-such-day = { $date } n'est pas un jour du calendrier
error-date-range = La date de clôture doit être comprise entre { $min } et { $max }
error-date-unreadable = Saisissez une date complète qui existe, ou videz le champ
error-amount-number = Saisissez un nombre, par exemple { $example }
error-amount-ambiguous = Utilisez « { $decimal } » pour les décimales, comme dans { $example }
error-amount-precision = Les montants en { $currency } { $digits ->
    [0] ne comportent pas de décimales
    [one] comportent au plus { $digits } décimale
   *[other] comportent au plus { $digits } décimales
    }
error-amount-too-large = Le montant est trop élevé
error-amount-other-currency = Ce montant est en { $currency }, et non en « { $typed } »
format-uuid = un UUID, par exemple 3c90c3cc-0d44-4b50-8888-8dd25736052a
format-integer = un identifiant numérique entier
format-prefixed = un identifiant commençant par { $prefix }
format-email = une adresse e-mail
format-member = l'adresse e-mail d'un membre de l'espace de travail (ou l'identifiant affiché pour lui)
format-record-or-domain = le domaine d'une entreprise, par exemple example.com (ou l'identifiant affiché pour elle)

## Ce qui n'a pas fonctionné

outcome-not-saved = L'affaire n'a pas été enregistrée.
outcome-not-deleted = L'affaire n'a pas été supprimée.
outcome-maybe-not-saved = L'affaire n'a peut-être pas été enregistrée.
outcome-maybe-not-deleted = L'affaire n'a peut-être pas été supprimée.
outcome-unreadable-saved = L'affaire a peut-être été enregistrée, mais la réponse du CRM n'a pas pu être lue : vérifiez la liste des affaires avant d'enregistrer à nouveau.
outcome-unreadable-deleted = L'affaire a peut-être été supprimée, mais la réponse du CRM n'a pas pu être lue : vérifiez la liste des affaires avant de supprimer à nouveau.
error-fields-refused = Certains champs ont été refusés : chacun indique pourquoi.
error-not-found = Cette affaire n'existe plus ; elle a peut-être été supprimée ailleurs.
error-unauthorized = Le CRM a refusé les identifiants : { $reason }
error-forbidden = Le CRM n'autorise pas ces identifiants à effectuer cette action.
error-forbidden-because = Le CRM n'autorise pas ces identifiants à effectuer cette action : { $reason }
error-rate-limited = Le CRM limite les requêtes. Réessayez dans quelques instants.
error-rate-limited-for = Le CRM limite les requêtes. Réessayez dans { $seconds } { $seconds ->
    [one] seconde
   *[other] secondes
    }.
error-unreachable = Impossible de joindre le CRM : { $reason }
error-code-unreachable = Une partie de l'application n'a pas pu être téléchargée. Vérifiez la connexion, puis réessayez ; si cela ne suffit pas, rechargez la page.
error-code-gone = Une partie de l'application n'est plus sur le serveur : elle a été mise à jour depuis l'ouverture de cette page. Rechargez la page pour continuer.
error-malformed = Le CRM a envoyé une réponse illisible : { $detail }
error-storage-corrupt = Les affaires enregistrées dans ce navigateur n'ont pas pu être lues ({ $reason }).
error-storage-unavailable = Le navigateur n'a pas pu stocker les affaires : { $reason }
error-refused = Le CRM a refusé la requête ({ $status }).
error-refused-because = Le CRM a refusé la requête ({ $status }), et { $reason }
error-crm-problem = Le CRM a rencontré un problème ({ $status }).
error-crm-problem-because = Le CRM a rencontré un problème ({ $status }) : { $reason }
error-html-answer = il a répondu par une page HTML au lieu de son API JSON (erreur de proxy ou de passerelle ?)
error-unexpected-answer = sa réponse n'était pas le JSON décrit dans la documentation de son API
error-explanation-unread = son explication n'a pas pu être lue. { $reason }
error-address-deals = { $crm } a répondu « introuvable » (404) à la demande de ses affaires : l'adresse fournie à dealform pour ce CRM est peut-être erronée. Vérifiez base_url dans la configuration (valeur actuelle : { $base_url }).
error-address-stages = { $crm } a répondu « introuvable » (404) à la demande de ses étapes : l'adresse fournie à dealform pour ce CRM est peut-être erronée. Vérifiez base_url dans la configuration (valeur actuelle : { $base_url }).
error-address-owners = { $crm } a répondu « introuvable » (404) à la demande de ses responsables : l'adresse fournie à dealform pour ce CRM est peut-être erronée. Vérifiez base_url dans la configuration (valeur actuelle : { $base_url }).
error-address-companies = { $crm } a répondu « introuvable » (404) à la demande de ses entreprises : l'adresse fournie à dealform pour ce CRM est peut-être erronée. Vérifiez base_url dans la configuration (valeur actuelle : { $base_url }).
error-create-address = { $crm } a répondu « introuvable » (404) à l'envoi de la nouvelle affaire à { $url } : l'adresse fournie à dealform pour ce CRM est peut-être erronée. Vérifiez base_url, ainsi que { $setting } s'il est défini, dans la configuration.
backend-no-local-data = { $backend } ne conserve aucune donnée dans ce navigateur
stages-from-config = Impossible de charger la liste des étapes depuis { $crm } ({ $reason }) ; affichage des étapes de la configuration.
network-cannot-send = le navigateur ne peut pas envoyer de requêtes
network-offline = ce navigateur est hors ligne. Reconnectez-vous, puis réessayez ({ $detail }).
network-failed = { $crm } n'a pas répondu : la connexion a échoué ou a été interrompue. Vérifiez la connexion Internet, puis réessayez. Si le problème persiste, prévenez la personne qui a installé dealform : son base_url est peut-être erroné, ou { $crm } n'accepte peut-être pas les requêtes de cette page (CORS) ({ $detail }).
network-check-connection = Vérifiez la connexion Internet, puis réessayez
network-cut-off = La réponse de { $crm } a été interrompue : la connexion a été coupée. { $next }. ({ $detail }).
network-timed-out = { $crm } n'a pas répondu dans un délai de { $seconds } { $seconds ->
    [one] seconde
   *[other] secondes
    }
network-timed-out-then = { $timeout }. { $next }
network-may-have-created = L'affaire a peut-être quand même été créée : vérifiez la liste des affaires avant d'enregistrer à nouveau
network-may-have-saved = La modification a peut-être quand même été enregistrée : vérifiez l'affaire avant d'enregistrer à nouveau
network-may-have-deleted = L'affaire a peut-être quand même été supprimée : vérifiez la liste des affaires avant de supprimer à nouveau
activity-rate-limited = { $crm } demande de ralentir : nouvelle tentative dans { $seconds } { $seconds ->
    [one] seconde
   *[other] secondes
    }…
