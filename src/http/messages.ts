// Shared by server and web: validation messages as codes, written out in French (API, default UI) and English.
// zod's own messages are mapped onto these codes once, here, so that server and browser say the same thing.
import { z } from 'zod';

export const fieldMessages = {
  required: { fr: 'Ce champ est obligatoire.', en: 'This field is required.' },
  invalid: { fr: 'Valeur invalide.', en: 'Invalid value.' },
  tooShort: { fr: 'Trop court (au moins {min} caractères).', en: 'Too short (at least {min} characters).' },
  tooLong: { fr: 'Trop long (au plus {max} caractères).', en: 'Too long (at most {max} characters).' },
  tooSmall: { fr: 'Doit être au moins {min}.', en: 'Must be at least {min}.' },
  tooBig: { fr: 'Doit être au plus {max}.', en: 'Must be at most {max}.' },
  invalidEmail: { fr: 'Adresse e-mail invalide.', en: 'Invalid e-mail address.' },
  invalidUrl: {
    fr: 'Adresse web invalide (ex. https://exemple.fr).',
    en: 'Invalid web address (e.g. https://example.org).',
  },
  invalidRna: {
    fr: 'Numéro RNA invalide : la lettre W suivie de 9 chiffres ou lettres (ex. W133000123).',
    en: 'Invalid RNA number: the letter W followed by 9 digits or letters (e.g. W133000123).',
  },
  invalidSiren: {
    fr: 'SIREN invalide : 9 chiffres avec une clé de contrôle correcte.',
    en: 'Invalid SIREN: 9 digits with a correct check key.',
  },
  invalidSiret: {
    fr: 'SIRET invalide : 14 chiffres avec une clé de contrôle correcte (ex. 732 829 320 00074).',
    en: 'Invalid SIRET: 14 digits with a correct check key (e.g. 732 829 320 00074).',
  },
  siretNotMatchingSiren: {
    fr: 'Le SIRET doit commencer par le SIREN.',
    en: 'The SIRET must start with the SIREN.',
  },
  invalidPostalCode: { fr: 'Code postal invalide (5 chiffres).', en: 'Invalid postal code (5 digits).' },
  invalidPhone: { fr: 'Numéro de téléphone invalide.', en: 'Invalid phone number.' },
  unknownCommune: { fr: 'Commune inconnue.', en: 'Unknown commune.' },
  unknownTheme: { fr: 'Thème inconnu.', en: 'Unknown theme.' },
  unknownItem: { fr: 'Élément inconnu pour cette famille d’acteurs.', en: 'Unknown item for this actor family.' },
  subtypeMismatch: {
    fr: 'Ce sous-type ne correspond pas à la famille choisie.',
    en: 'This subtype does not match the family.',
  },
  companyOnly: { fr: 'Réservé aux entreprises.', en: 'For companies only.' },
  passwordTooShort: {
    fr: 'Le mot de passe doit compter au moins 10 caractères.',
    en: 'The password must have at least 10 characters.',
  },
  emailTaken: { fr: 'Un compte existe déjà avec cette adresse.', en: 'An account already uses this address.' },
  badCredentials: { fr: 'E-mail ou mot de passe incorrect.', en: 'Wrong e-mail or password.' },
  tokenInvalid: { fr: 'Lien invalide ou expiré.', en: 'Invalid or expired link.' },
  memberNeedsActor: {
    fr: 'Un membre doit être rattaché à une organisation.',
    en: 'A member must belong to an organisation.',
  },
  unknownActor: { fr: 'Organisation inconnue.', en: 'Unknown organisation.' },
  ownAdminRole: {
    fr: 'Vous ne pouvez pas retirer votre propre rôle d’administrateur.',
    en: 'You cannot remove your own admin role.',
  },
  ownAccountDisabled: {
    fr: 'Vous ne pouvez pas désactiver votre propre compte.',
    en: 'You cannot disable your own account.',
  },
  // needs and offers
  resourceRequired: { fr: 'Choisissez au moins une ressource.', en: 'Choose at least one resource.' },
  invalidDeadline: { fr: 'Date invalide (jj/mm/aaaa).', en: 'Invalid date.' },
  deadlineInPast: { fr: 'L’échéance ne peut pas être déjà passée.', en: 'The deadline cannot be in the past.' },
  // flagship projects
  carrierRequired: { fr: 'Indiquez au moins une association porteuse.', en: 'Name at least one carrying association.' },
  duplicateCarrier: {
    fr: 'Cette association est déjà parmi les porteurs.',
    en: 'This association already carries it.',
  },
  oneLeadCarrier: {
    fr: 'Le projet doit avoir exactement un chef de file.',
    en: 'The project must have exactly one lead carrier.',
  },
  carrierNotAssociation: {
    fr: 'Un projet phare est porté par des associations.',
    en: 'A flagship project is carried by associations.',
  },
  amountNotPositive: { fr: 'Le montant doit être positif.', en: 'The amount must be positive.' },
  amountCents: { fr: 'Montant en euros, au centime près.', en: 'Amount in euros, to the cent.' },
  budgetTotalMismatch: {
    fr: 'Le total doit être égal à la somme des lignes du budget.',
    en: 'The total must equal the sum of the budget lines.',
  },
  invalidDate: { fr: 'Date invalide.', en: 'Invalid date.' },
  endBeforeStart: {
    fr: 'La date de fin doit suivre la date de début.',
    en: 'The end date must come after the start date.',
  },
  unknownSdg: { fr: 'Objectif de développement durable inconnu.', en: 'Unknown sustainable development goal.' },
  // partnerships
  twoPartnersRequired: {
    fr: 'Un partenariat réunit au moins deux partenaires distincts.',
    en: 'A partnership needs at least two distinct partners.',
  },
  duplicatePartner: { fr: 'Ce partenaire figure déjà.', en: 'This partner is already listed.' },
  notAPartner: { fr: 'Cette organisation n’est pas partenaire.', en: 'This organisation is not a partner.' },
  datesOrder: { fr: 'Cette date précède la date de début.', en: 'This date is before the start date.' },
  centsOnly: { fr: 'Montant en euros, au centime près.', en: 'Amount in euros, to the cent.' },
  hoursForVolunteers: {
    fr: 'Les heures concernent le bénévolat.',
    en: 'Hours are for volunteer contributions.',
  },
  unknownNeedOffer: { fr: 'Besoin ou offre introuvable.', en: 'Unknown need or offer.' },
  unknownProject: { fr: 'Projet introuvable.', en: 'Unknown project.' },
  unknownAlliance: { fr: 'Alliance introuvable.', en: 'Unknown alliance.' },
  stepOrder: {
    fr: 'On passe à l’étape suivante ou on revient à la précédente ; seule l’équipe d’animation peut forcer un autre passage.',
    en: 'Move to the next step or back to the previous one; only animators may force another move.',
  },
  sameStep: { fr: 'Le partenariat est déjà à cette étape.', en: 'The partnership is already at this step.' },
  partnershipClosed: { fr: 'Ce partenariat est clos.', en: 'This partnership is closed.' },
  reasonRequired: {
    fr: 'Indiquez la raison de ce passage forcé.',
    en: 'Give the reason for this forced move.',
  },
  agreementRequired: {
    fr: 'Joignez la convention de partenariat signée avant de passer à la mise en œuvre.',
    en: 'Attach the signed partnership agreement before moving on to running it.',
  },
  fileType: {
    fr: 'Type de fichier non accepté (PDF, image, document bureautique ou texte).',
    en: 'File type not accepted (PDF, image, office document or text).',
  },
  fileEmpty: { fr: 'Le fichier est vide.', en: 'The file is empty.' },
  fileTooLarge: { fr: 'Le fichier dépasse 10 Mo.', en: 'The file is larger than 10 MB.' },
  // alliances and ecosystem graph
  allianceTooFewMembers: {
    fr: 'Une alliance réunit au moins trois acteurs distincts.',
    en: 'An alliance brings together at least three distinct actors.',
  },
  allianceNotMember: {
    fr: 'Cet acteur n’est pas membre de l’alliance.',
    en: 'This actor is not a member of the alliance.',
  },
  allianceMemberExists: { fr: 'Cet acteur est déjà membre de l’alliance.', en: 'This actor is already a member.' },
  alliancePartnershipTaken: {
    fr: 'Ce partenariat appartient déjà à une autre alliance.',
    en: 'This partnership already belongs to another alliance.',
  },
  // contact log and follow-ups
  invalidDueDate: { fr: 'Échéance invalide : une date du calendrier (jj/mm/aaaa).', en: 'Invalid due date.' },
  invalidOccurredAt: { fr: 'Date et heure invalides.', en: 'Invalid date and time.' },
  partnershipNotOfActor: {
    fr: 'Ce partenariat ne compte pas cet acteur parmi ses partenaires.',
    en: 'This actor is not a partner of this partnership.',
  },
  ownerNotAllowed: {
    fr: 'Ce responsable ne peut pas suivre cet échange : choisissez un animateur ou un membre des organisations concernées.',
    en: 'This person cannot own this follow-up: choose an animator or a member of the organisations concerned.',
  },
  // matchmaking
  dismissReasonRequired: {
    fr: 'Dites pourquoi vous écartez cette suggestion : cela sert à mieux suggérer.',
    en: 'Say why you set this suggestion aside: it helps suggest better.',
  },
  selfSuggestion: {
    fr: 'Une organisation ne peut pas se choisir elle-même.',
    en: 'An organisation cannot pick itself.',
  },
  alreadyAnswered: { fr: 'Cette demande a déjà reçu une réponse.', en: 'This request has already been answered.' },
  subjectClosed: {
    fr: 'Ce besoin, cette offre ou ce projet n’est plus ouvert (ou n’est qu’un brouillon).',
    en: 'This need, offer or project is no longer open (or is still a draft).',
  },
  pairExcluded: {
    fr: 'Cette mise en relation a été écartée, ou ces organisations sont déjà partenaires.',
    en: 'This introduction was set aside, or these organisations are already partners.',
  },
  unknownTerritory: { fr: 'Territoire inconnu.', en: 'Unknown territory.' },
  // events
  invalidTime: { fr: 'Heure invalide (hh:mm, ex. 18:30).', en: 'Invalid time (hh:mm, e.g. 18:30).' },
  agendaOutOfOrder: {
    fr: 'Les points du programme doivent suivre l’ordre des heures.',
    en: 'Agenda items must be in time order.',
  },
  eventCancelled: { fr: 'Cet événement est annulé.', en: 'This event is cancelled.' },
  eventPast: { fr: 'Cet événement est passé.', en: 'This event is over.' },
  alreadyRegistered: {
    fr: 'Vous êtes déjà inscrit à cet événement.',
    en: 'You are already registered for this event.',
  },
  notRegistered: {
    fr: 'Seul un participant inscrit (pas en liste d’attente) peut être pointé.',
    en: 'Only a registered participant (not on the waiting list) can be checked in.',
  },
  programmeRequired: {
    fr: 'Choisissez d’abord le programme.',
    en: 'Choose the programme first.',
  },
  unknownProgramme: { fr: 'Programme inconnu.', en: 'Unknown programme.' },
  notInProgramme: {
    fr: 'N’appartient pas à ce programme.',
    en: 'Does not belong to this programme.',
  },
  // event invitations (begin)
  nobodyToInvite: {
    fr: 'Choisissez au moins une organisation, une personne ou un groupe pilote.',
    en: 'Choose at least one organisation, person or pilot group.',
  },
  unknownUser: { fr: 'Personne inconnue.', en: 'Unknown person.' },
  // event invitations (end)
  // event minutes (begin)
  actionOrNewAction: {
    fr: 'Liez une action existante ou créez-en une, pas les deux.',
    en: 'Link an existing action or create one, not both.',
  },
  unknownPartnership: { fr: 'Partenariat introuvable.', en: 'Unknown partnership.' },
  unknownAction: { fr: 'Action introuvable.', en: 'Unknown action.' },
  // event minutes (end)
  // speed dating (begin)
  notSpeedDating: { fr: 'Cet événement n’est pas un speed dating.', en: 'This event is not a speed dating.' },
  speedDatingNoSettings: {
    fr: 'Le speed dating n’est pas encore paramétré.',
    en: 'The speed dating has no settings yet.',
  },
  speedDatingSideEmpty: {
    fr: 'Ce côté ne compte aucune famille ou aucun participant.',
    en: 'This side has no family or no participant.',
  },
  speedDatingSidesOverlap: {
    fr: 'Une famille ne peut pas être des deux côtés.',
    en: 'A family cannot be on both sides.',
  },
  speedDatingTooLong: {
    fr: 'Les tours dépassent la durée de l’événement\u202f: réduisez leur nombre ou leur durée.',
    en: 'The rounds run past the end of the event: fewer or shorter rounds.',
  },
  speedDatingTooFew: {
    fr: 'Il faut au moins deux participants dans la règle.',
    en: 'At least two participants within the rule are needed.',
  },
  speedDatingNotParticipant: {
    fr: 'Seul un participant qui a une place (pas en liste d’attente) peut le faire.',
    en: 'Only a participant holding a seat (not waitlisted) can do this.',
  },
  speedDatingOutOfRule: {
    fr: 'Ce participant est hors règle pour ce speed dating.',
    en: 'This participant is outside the rule of this speed dating.',
  },
  speedDatingNotAPartner: {
    fr: 'Choisissez un autre participant, de l’autre côté.',
    en: 'Choose another participant, on the other side.',
  },
  speedDatingDuplicateWish: {
    fr: 'Ce participant figure déjà dans vos souhaits.',
    en: 'This participant is already in your wishes.',
  },
  speedDatingNotMet: {
    fr: 'Vous n’avez pas rencontré ce participant.',
    en: 'You did not meet this participant.',
  },
  speedDatingFollowUpsClosed: {
    fr: 'Les suites se marquent une fois le speed dating commencé.',
    en: 'Follow-ups open once the speed dating has started.',
  },
  // speed dating (end)
  // programmes (begin)
  phasesOverlap: {
    fr: 'Une phase commence après la fin de la précédente.',
    en: 'A phase starts after the previous one ends.',
  },
  unknownEvent: { fr: 'Événement inconnu.', en: 'Unknown event.' },
  duplicateId: {
    fr: 'Cet élément figure deux fois dans la liste.',
    en: 'This item appears twice in the list.',
  },
  // programmes (end)
  // imports (begin)
  importReviewDecided: {
    fr: 'Cette proposition de rapprochement a déjà été traitée.',
    en: 'This match proposal has already been decided.',
  },
  // Reasons of a register line's rejection (import reports).
  badColumnCount: {
    fr: 'Nombre de colonnes différent de l’en-tête.',
    en: 'Number of columns differs from the header.',
  },
  badCommuneCode: { fr: 'Code commune mal formé.', en: 'Malformed commune code.' },
  badDate: { fr: 'Date invalide (AAAA-MM-JJ attendu).', en: 'Invalid date (YYYY-MM-DD expected).' },
  missingId: { fr: 'Identifiant manquant.', en: 'Missing identifier.' },
  missingName: { fr: 'Nom manquant.', en: 'Missing name.' },
  missingField: { fr: 'Champ obligatoire manquant.', en: 'Missing required field.' },
  unitMissing: {
    fr: 'Unité légale absente du fichier des unités.',
    en: 'Legal unit missing from the units file.',
  },
  unitRejected: { fr: 'Unité légale refusée (voir sa ligne).', en: 'Legal unit rejected (see its line).' },
  // imports (end)
  // import runs web (begin)
  importFileTooLarge: {
    fr: 'Le fichier dépasse la taille autorisée ({max}).',
    en: 'The file is larger than allowed ({max}).',
  },
  importUploadUnknown: {
    fr: 'Fichier déposé introuvable : déposez-le de nouveau.',
    en: 'Uploaded file not found: upload it again.',
  },
  importRnaOneFile: {
    fr: 'Un import RNA prend un seul fichier.',
    en: 'An RNA import takes a single file.',
  },
  importSireneTwoFiles: {
    fr: 'Un import SIRENE prend le fichier des établissements et celui des unités légales.',
    en: 'A SIRENE import takes the establishments file and the legal units file.',
  },
  importSameFileTwice: {
    fr: 'Choisissez deux fichiers différents.',
    en: 'Choose two different files.',
  },
  importScopeOne: {
    fr: 'Choisissez un territoire ou un département (un seul des deux).',
    en: 'Choose a territory or a department (only one).',
  },
  importUnknownTerritory: { fr: 'Territoire inconnu.', en: 'Unknown territory.' },
  importUnknownDepartement: {
    fr: 'Département inconnu (ex. 13, 2A, 974).',
    en: 'Unknown department (e.g. 13, 2A, 974).',
  },
  importBusy: {
    fr: 'Un import est déjà en cours : attendez qu’il se termine.',
    en: 'An import is already running: wait until it ends.',
  },
  importUploadInUse: {
    fr: 'Ce fichier est celui d’un autre import non terminé : reprenez cet import, ou déposez le fichier de nouveau.',
    en: 'This file belongs to another unfinished import: resume that import, or upload the file again.',
  },
  importRunDone: { fr: 'Cet import est terminé.', en: 'This import has finished.' },
  importFilesGone: {
    fr: 'Les fichiers de cet import ne sont plus sur le serveur : déposez-les de nouveau.',
    en: 'The files of this import are no longer on the server: upload them again.',
  },
  importFilesChanged: {
    fr: 'Les fichiers déposés ne sont plus ceux de cet import.',
    en: 'The uploaded files are no longer those of this import.',
  },
  // import runs web (end)
  // claims (begin)
  claimNoWebsite: {
    fr: 'Cette fiche n’indique pas de site web : seule une invitation de l’équipe d’animation permet de la revendiquer.',
    en: 'This profile has no website: only an invitation from the network’s team can claim it.',
  },
  claimSharedHost: {
    fr: 'Le site de cette fiche est hébergé par un service partagé (réseau social, blog, créateur de sites, fournisseur d’accès) : son domaine ne prouve pas l’appartenance. Demandez une invitation à l’équipe d’animation.',
    en: 'This profile’s website is on a shared host (social network, blog, site builder, internet provider): its domain proves nothing. Ask the network’s team for an invitation.',
  },
  claimDomainMismatch: {
    fr: 'L’adresse doit être au domaine du site de l’organisation ({domain}) ou à l’un de ses sous-domaines.',
    en: 'The address must be at the organisation’s website domain ({domain}) or one of its subdomains.',
  },
  claimDomainMismatchHidden: {
    fr: 'L’adresse doit être au domaine du site de l’organisation.',
    en: 'The address must be at the organisation’s website domain.',
  },
  claimTooManyForAddress: {
    fr: 'Trop de demandes pour cette adresse : réessayez dans une heure.',
    en: 'Too many requests for this address: try again in an hour.',
  },
  claimTooManyForActor: {
    fr: 'Trop de demandes de revendication pour cette fiche : réessayez dans une heure.',
    en: 'Too many claim requests for this profile: try again in an hour.',
  },
  claimTooManyFromClient: {
    fr: 'Trop de demandes de revendication depuis votre connexion : réessayez dans une heure.',
    en: 'Too many claim requests from your connection: try again in an hour.',
  },
  actorAlreadyClaimed: {
    fr: 'Cette fiche a déjà été revendiquée par son organisation.',
    en: 'This profile has already been claimed by its organisation.',
  },
  actorNotImported: {
    fr: 'Cette fiche n’a pas été pré-remplie depuis un registre : il n’y a rien à revendiquer.',
    en: 'This profile was not pre-filled from a register: there is nothing to claim.',
  },
  actorEnded: {
    fr: 'Selon les registres, cette organisation a cessé son activité (dissoute, radiée ou fermée) : sa fiche ne peut pas être revendiquée.',
    en: 'According to the registers, this organisation has ceased (dissolved, struck off or closed): its profile cannot be claimed.',
  },
  // claims (end)
  // funding calls (begin)
  amountRange: {
    fr: 'Le montant maximum doit être au moins égal au montant minimum.',
    en: 'The maximum amount must be at least the minimum amount.',
  },
  callHasApplications: {
    fr: 'Des dossiers de financement répondent à cet appel ({count}).',
    en: 'Funding applications answer this call ({count}).',
  },
  // funding calls (end)
  // funding applications (begin)
  oneTarget: {
    fr: 'Choisissez ce que le dossier finance\u202f: un programme, un projet phare ou un partenariat (un seul).',
    en: 'Choose what the application funds: a programme, a flagship project or a partnership (only one).',
  },
  unknownCall: { fr: 'Appel à projets introuvable.', en: 'Unknown call for projects.' },
  funderNotOfCall: {
    fr: 'Le financeur doit être celui de l’appel à projets.',
    en: 'The funder must be the call’s funder.',
  },
  statusMoveRefused: {
    fr: 'Ce passage n’est pas possible depuis le statut actuel du dossier.',
    en: 'This move is not possible from the application’s current status.',
  },
  backReasonRequired: {
    fr: 'Indiquez pourquoi le dossier revient à l’étape précédente.',
    en: 'Say why the application goes back a step.',
  },
  paymentsRecorded: {
    fr: 'Des versements sont enregistrés\u202f: supprimez-les d’abord.',
    en: 'Payments are recorded: delete them first.',
  },
  decidedBeforeSubmitted: {
    fr: 'La décision ne peut pas précéder le dépôt du dossier.',
    en: 'The decision cannot come before the application was submitted.',
  },
  reportsPending: {
    fr: 'Chaque compte rendu doit avoir été remis au financeur (au moins un).',
    en: 'Every report must have gone to the funder (at least one).',
  },
  notGranted: {
    fr: 'Un versement s’enregistre sur un dossier accordé.',
    en: 'Payments are recorded on granted applications.',
  },
  paymentsOverGrant: {
    fr: 'Le total des versements dépasserait le montant accordé.',
    en: 'The payments would exceed the amount granted.',
  },
  applicationReported: {
    fr: 'Ce dossier est soldé\u202f: ses comptes rendus doivent rester remis au financeur (au moins un).',
    en: 'This application is reported: its reports must stay submitted to the funder (at least one).',
  },
  applicationGranted: {
    fr: 'Un dossier accordé reste dans l’historique des financements\u202f: revenez d’abord sur son statut.',
    en: 'A granted application stays in the funding history: move its status back first.',
  },
  applicationFundsBudget: {
    fr: 'Ce dossier finance des lignes du budget du programme ({count})\u202f: retirez-le d’abord de leurs sources.',
    en: 'This application funds lines of the programme’s budget ({count}): remove it from their sources first.',
  },
  // funding applications (end)
  // funding calendar (begin)
  deadlineSpanTooLong: {
    fr: 'Période trop longue\u202f: au plus {max} jours entre la première et la dernière date.',
    en: 'Period too long: at most {max} days between the first and the last date.',
  },
  // funding calendar (end)
  // budget (begin)
  unknownApplication: { fr: 'Dossier de financement inconnu.', en: 'Unknown funding application.' },
  unknownContribution: { fr: 'Contribution inconnue.', en: 'Unknown contribution.' },
  duplicateSource: {
    fr: 'Cette source figure déjà sur la ligne.',
    en: 'This source is already on the line.',
  },
  rateTaken: {
    fr: 'Un taux existe déjà pour cette année et ce rôle (majuscules et apostrophes comprises).',
    en: 'A rate already exists for this year and role (whatever the case and apostrophes).',
  },
  contributionNotFinancial: {
    fr: 'Seule une contribution financière peut financer une ligne : le bénévolat, le nature et les compétences sont valorisés à part.',
    en: 'Only a financial contribution may fund a line: volunteering, in-kind and skills are valued apart.',
  },
  outsideProgramme: {
    fr: 'Cette date est hors des dates du programme.',
    en: 'This date is outside the programme’s dates.',
  },
  yearsReversed: {
    fr: 'L’année de fin doit être égale ou postérieure à l’année de début.',
    en: 'The last year must be the first year or later.',
  },
  // budget (end)
  // scdl grants (begin)
  scdlSourceError: {
    fr: 'Fichier illisible en CSV (un guillemet ouvert n’est pas refermé)\u202f: rien n’est importé.',
    en: 'The file cannot be read as CSV (a quote is left open): nothing is imported.',
  },
  scdlBlankLabel: {
    fr: 'Colonne sans nom (colonne n°\u00a0{value})\u202f: ignorée.',
    en: 'Column without a name (column no. {value}): ignored.',
  },
  scdlDuplicateLabel: {
    fr: 'Colonne du schéma présente deux fois\u202f: impossible de savoir laquelle lire, aucune ligne n’est importée.',
    en: 'A column of the schema is there twice: which one to read is unknown, no line is imported.',
  },
  scdlDuplicateLabelIgnored: {
    fr: 'Colonne inconnue présente deux fois\u202f: ignorée.',
    en: 'Unknown column given twice: ignored.',
  },
  scdlExtraLabel: {
    fr: 'Colonne inconnue du schéma SCDL\u202f: ignorée.',
    en: 'Column unknown to the SCDL schema: ignored.',
  },
  scdlMissingLabel: {
    fr: 'Colonne obligatoire absente\u202f: aucune ligne n’est importée.',
    en: 'Required column missing: no line is imported.',
  },
  scdlMissingLabelFilled: {
    fr: 'Colonne obligatoire absente\u202f: chaque ligne est importée avec «\u00a0{fill}\u00a0».',
    en: 'Required column missing: every line is imported with “{fill}”.',
  },
  scdlMissingLabelIncomplete: {
    fr: 'Colonne obligatoire absente\u202f: chaque subvention est importée incomplète, sans cette valeur, et n’est pas exportée au format SCDL.',
    en: 'Required column missing: every grant is imported incomplete, without this value, and is not exported in the SCDL format.',
  },
  scdlBlankRow: { fr: 'Ligne vide\u202f: ignorée.', en: 'Blank line: skipped.' },
  scdlExtraCell: {
    fr: 'Plus de cellules que de colonnes (valeurs décalées\u202f?)\u202f: ligne refusée.',
    en: 'More cells than columns (shifted values?): line refused.',
  },
  scdlMissingCell: {
    fr: 'Valeur obligatoire absente\u202f: ligne refusée.',
    en: 'Required value missing: line refused.',
  },
  scdlMissingCellFilled: {
    fr: 'Valeur obligatoire absente\u202f: ligne importée avec «\u00a0{fill}\u00a0».',
    en: 'Required value missing: line imported with “{fill}”.',
  },
  scdlMissingCellIncomplete: {
    fr: 'Valeur obligatoire absente\u202f: subvention importée incomplète, laissée vide, et non exportée au format SCDL.',
    en: 'Required value missing: grant imported incomplete, left empty, and not exported in the SCDL format.',
  },
  scdlOutcomeRefused: { fr: 'Non conforme — ligne refusée', en: 'Not compliant — line refused' },
  scdlOutcomeRepaired: { fr: 'Non conforme — corrigé à l’import', en: 'Not compliant — repaired on import' },
  scdlOutcomeIncomplete: { fr: 'Non conforme — importée incomplète', en: 'Not compliant — imported incomplete' },
  scdlOutcomeStructure: { fr: 'Écart de structure', en: 'Structure deviation' },
  scdlCodeSourceError: { fr: 'Fichier illisible', en: 'Unreadable file' },
  scdlCodeBlankLabel: { fr: 'Colonne sans nom', en: 'Column without a name' },
  scdlCodeDuplicateLabel: { fr: 'Colonne en double', en: 'Column given twice' },
  scdlCodeExtraLabel: { fr: 'Colonne inconnue', en: 'Unknown column' },
  scdlCodeMissingLabel: { fr: 'Colonne absente', en: 'Missing column' },
  scdlCodeBlankRow: { fr: 'Ligne vide', en: 'Blank line' },
  scdlCodeExtraCell: { fr: 'Cellules en trop', en: 'Extra cells' },
  scdlCodeMissingCell: { fr: 'Valeur obligatoire absente', en: 'Required value missing' },
  scdlCodeTypeError: { fr: 'Type de valeur', en: 'Value type' },
  scdlCodePattern: { fr: 'Format', en: 'Format' },
  scdlCodeEnum: { fr: 'Valeur hors liste', en: 'Value not in the list' },
  scdlCodeMinimum: { fr: 'Inférieur au minimum', en: 'Below the minimum' },
  scdlCodeMaximum: { fr: 'Supérieur au maximum', en: 'Above the maximum' },
  scdlCodeMaxLength: { fr: 'Trop long', en: 'Too long' },
  scdlCodeFrenchSiretValue: { fr: 'SIRET invalide', en: 'Invalid SIRET' },
  scdlCodeOneOfRequired: { fr: 'SIRET ou RNA manquant', en: 'SIRET or RNA missing' },
  scdlTypeErrorNumber: {
    fr: 'Nombre illisible\u202f: chiffres et point décimal attendus (ex. 47800.20), sans espace ni virgule.',
    en: 'Unreadable number: digits and a decimal point expected (e.g. 47800.20), no space or comma.',
  },
  scdlTypeErrorInteger: {
    fr: 'Nombre entier attendu (ex. 2017).',
    en: 'A whole number is expected (e.g. 2017).',
  },
  scdlTypeErrorDate: {
    fr: 'Date illisible\u202f: format AAAA-MM-JJ attendu (ex. 2017-06-27).',
    en: 'Unreadable date: YYYY-MM-DD expected (e.g. 2017-06-27).',
  },
  scdlTypeErrorBoolean: {
    fr: 'Valeur attendue\u202f: true ou false.',
    en: 'Expected value: true or false.',
  },
  scdlPattern: {
    fr: 'Format non respecté (par exemple {expected})\u202f: ligne refusée.',
    en: 'Wrong format (for example {expected}): line refused.',
  },
  scdlPatternRepaired: {
    fr: 'Format lisible sans ambiguïté\u202f: importé «\u00a0{fixed}\u00a0».',
    en: 'Format readable without ambiguity: imported as “{fixed}”.',
  },
  scdlEnum: {
    fr: 'Valeur hors de la liste ({values})\u202f: ligne refusée.',
    en: 'Value not in the list ({values}): line refused.',
  },
  scdlEnumNormalised: {
    fr: 'Valeur de la liste écrite autrement (majuscules, accents)\u202f: importée «\u00a0{fixed}\u00a0».',
    en: 'A value of the list written otherwise (capitals, accents): imported as “{fixed}”.',
  },
  scdlMinimum: { fr: 'Doit être au moins {min}\u202f: ligne refusée.', en: 'Must be at least {min}: line refused.' },
  scdlMaximum: { fr: 'Doit être au plus {max}\u202f: ligne refusée.', en: 'Must be at most {max}: line refused.' },
  scdlMaxLength: {
    fr: 'Trop long (au plus {max} caractères)\u202f: ligne refusée.',
    en: 'Too long (at most {max} characters): line refused.',
  },
  scdlFrenchSiretValue: {
    fr: 'SIRET invalide\u202f: 14 chiffres dont la clé de contrôle (Luhn) est juste. Ligne refusée.',
    en: 'Invalid SIRET: 14 digits with a correct (Luhn) check key. Line refused.',
  },
  scdlOneOfRequired: {
    fr: 'Ni SIRET ni numéro RNA du bénéficiaire\u202f: l’un des deux est obligatoire. Ligne refusée.',
    en: 'Neither the beneficiary’s SIRET nor its RNA number: one of them is required. Line refused.',
  },
  // scdl grants (end)
  // evaluation (begin)
  evaluationExists: {
    fr: 'Ce partenariat a déjà une évaluation pour cette année.',
    en: 'This partnership already has an evaluation for that year.',
  },
  evaluationYearInFuture: {
    fr: 'On évalue une année commencée, pas une année à venir.',
    en: 'Only a year that has begun can be evaluated.',
  },
  noScoreGiven: {
    fr: 'Notez au moins une dimension (les autres peuvent rester «\u00a0Je ne sais pas\u00a0»).',
    en: 'Score at least one dimension (the others may stay “I don’t know”).',
  },
  duplicateObjective: { fr: 'Cet objectif figure déjà dans la liste.', en: 'This objective is already listed.' },
  duplicateIndicator: { fr: 'Cet indicateur est déjà suivi.', en: 'This indicator is already followed.' },
  indicatorNotForMode: {
    fr: 'Cet indicateur ne s’applique pas au mode de ce partenariat.',
    en: 'This indicator does not apply to this partnership’s mode.',
  },
  twoDecimalsAtMost: { fr: 'Au plus deux décimales.', en: 'Two decimals at most.' },
  // evaluation (end)
  // diagnostics (begin)
  diagnosticFamily: {
    fr: 'Le diagnostic est réservé aux associations (diagnostic stratégique) et aux entreprises (diagnostic RSE).',
    en: 'The diagnostic is for associations (strategic diagnostic) and companies (CSR diagnostic) only.',
  },
  diagnosticUnknownQuestion: {
    fr: 'Cette question ne fait pas partie du questionnaire.',
    en: 'This question is not part of the questionnaire.',
  },
  diagnosticUnknownOption: { fr: 'Choisissez l’une des réponses proposées.', en: 'Choose one of the answers offered.' },
  diagnosticNumberExpected: { fr: 'Indiquez un nombre.', en: 'Enter a number.' },
  diagnosticWholeNumber: { fr: 'Indiquez un nombre entier.', en: 'Enter a whole number.' },
  diagnosticSharesOver: {
    fr: 'Ensemble, les parts de vos ressources dépassent {max}\u202f%.',
    en: 'Together, the shares of your resources exceed {max}%.',
  },
  // diagnostics (end)
  // dashboard (begin)
  // dashboard (end)
  // reviews (begin)
  reviewYearOutside: {
    fr: 'Année hors de la durée du programme.',
    en: 'Year outside the programme’s span.',
  },
  // reviews (end)
  // dialogue (begin)
  deadlinePast: {
    fr: 'La date limite des contributions est déjà passée : choisissez aujourd’hui ou un jour à venir pour publier le défi.',
    en: 'The contributions deadline has already passed: choose today or a later day to publish the challenge.',
  },
  challengeClosed: {
    fr: 'Ce défi est clos\u202f: il ne reçoit plus de contributions ni de modifications.',
    en: 'This challenge is closed: it takes no more contributions or changes.',
  },
  challengeNotAccepting: {
    fr: 'Ce défi ne reçoit pas de contributions (brouillon ou date limite passée).',
    en: 'This challenge takes no contributions (draft or deadline passed).',
  },
  challengeIsDraft: {
    fr: 'Un brouillon ne se clôt pas\u202f: publiez-le d’abord.',
    en: 'A draft cannot be closed: publish it first.',
  },
  challengeHasProposals: {
    fr: 'Ce défi a déjà reçu des propositions\u202f: il ne redevient pas brouillon.',
    en: 'This challenge already has proposals: it cannot go back to draft.',
  },
  territoryNotInProgramme: {
    fr: 'Ce territoire ne fait pas partie du programme choisi.',
    en: 'This territory is not part of the chosen programme.',
  },
  answeringActorIsPoster: {
    fr: 'Un défi publié par une collectivité reçoit la réponse de cette collectivité.',
    en: 'A challenge posted by a public authority is answered by that authority.',
  },
  notPublicAuthority: {
    fr: 'Choisissez une collectivité ou un service public.',
    en: 'Choose a public authority.',
  },
  unansweredProposals: {
    fr: 'Une réponse est requise avant de clore le défi\u202f: {count} proposition(s) sans réponse.',
    en: 'An answer is required before the challenge closes: {count} proposal(s) without an answer.',
  },
  descriptionTooShort: {
    fr: 'Décrivez votre proposition en quelques phrases (au moins {min} caractères).',
    en: 'Describe your proposal in a few sentences (at least {min} characters).',
  },
  proposalAnswered: {
    fr: 'Cette proposition a reçu une réponse\u202f: elle ne se modifie plus.',
    en: 'This proposal has been answered: it can no longer be changed.',
  },
  alreadySupported: {
    fr: 'Vous soutenez déjà cette proposition\u202f: un soutien par personne.',
    en: 'You already support this proposal: one support per person.',
  },
  ownProposal: { fr: 'On ne soutient pas sa propre proposition.', en: 'You cannot support your own proposal.' },
  answerReasonTooShort: {
    fr: 'Motivez la réponse en une ou deux phrases (au moins {min} caractères).',
    en: 'Give the reason for the answer in a sentence or two (at least {min} characters).',
  },
  proposalConverted: {
    fr: 'Cette proposition est déjà devenue un projet ou une alliance.',
    en: 'This proposal has already become a project or an alliance.',
  },
  proposalNotAccepted: {
    fr: 'Seule une proposition retenue devient un projet ou une alliance.',
    en: 'Only an accepted proposal becomes a project or an alliance.',
  },
  conversionNeedsCarrier: {
    fr: 'L’auteur de la proposition n’est pas une association\u202f: choisissez la ou les associations porteuses.',
    en: 'The proposal’s author is not an association: choose the carrying association(s).',
  },
  conversionTooFewActors: {
    fr: 'Une alliance réunit au moins {min} organisations\u202f: cette proposition n’en rassemble pas assez (auteur, soutiens, contributions).',
    en: 'An alliance gathers at least {min} organisations: this proposal does not bring together enough (author, supporters, pledges).',
  },
  // dialogue (end)
  // moderation and citizens (begin)
  reportDetailsRequired: {
    fr: 'Précisez le motif du signalement.',
    en: 'Say what the problem is.',
  },
  ownContentReport: {
    fr: 'Vous ne pouvez pas signaler votre propre contribution.',
    en: 'You cannot report your own contribution.',
  },
  alreadyReported: {
    fr: 'Vous avez déjà signalé ce contenu\u202f; les animateurs vont l’examiner.',
    en: 'You have already reported this content; the animators will look at it.',
  },
  contentHidden: {
    fr: 'Ce contenu est masqué par la modération.',
    en: 'This content is hidden by the moderation.',
  },
  contentNotHidden: { fr: 'Ce contenu n’est pas masqué.', en: 'This content is not hidden.' },
  noOpenReports: {
    fr: 'Aucun signalement en attente sur ce contenu.',
    en: 'No open report on this content.',
  },
  codeOfConductRequired: {
    fr: 'Vous devez accepter la charte de participation pour vous inscrire.',
    en: 'You must accept the code of conduct to sign up.',
  },
  tooManySignups: {
    fr: 'Trop de demandes d’inscription\u202f: réessayez dans une heure.',
    en: 'Too many sign-up requests: try again in an hour.',
  },
  // moderation and citizens (end)
  // list exports (begin)
  tooManyRowsToExport: {
    fr: 'Plus de {max} lignes à exporter\u202f: précisez les filtres de la liste.',
    en: 'More than {max} rows to export: narrow the list’s filters.',
  },
  tooManyRowsForXlsx: {
    fr: 'Plus de {max} lignes pour un fichier Excel (XLSX)\u202f: précisez les filtres de la liste, ou téléchargez le CSV (jusqu’à {csvMax} lignes).',
    en: 'More than {max} rows for an Excel (XLSX) file: narrow the list’s filters, or download the CSV (up to {csvMax} rows).',
  },
  // list exports (end)
  // audit (begin)
  // audit (end)
  // privacy (begin)
  // privacy (end)
  // notifications and mail (begin)
  unknownNotificationKind: {
    fr: 'Ce type de notification n’existe pas.',
    en: 'This kind of notification does not exist.',
  },
  notificationKindNotForRole: {
    fr: 'Ce type de notification ne concerne pas votre rôle.',
    en: 'This kind of notification does not concern your role.',
  },
  // notifications and mail (end)
  // reliability (begin)
  nulCharacter: {
    fr: 'Caractère nul (U+0000) interdit dans un texte.',
    en: 'The null character (U+0000) is not allowed in text.',
  },
  valueRejected: {
    fr: 'Valeur hors des limites acceptées (trop longue, trop grande ou mal formée).',
    en: 'Value outside the accepted limits (too long, too large or malformed).',
  },
  // reliability (end)
} satisfies Record<string, { fr: string; en: string }>;

export type FieldMessageCode = keyof typeof fieldMessages;

export function isFieldMessageCode(code: string): code is FieldMessageCode {
  return Object.hasOwn(fieldMessages, code);
}

/** The text of a message code in a locale, with `{min}`-style placeholders filled; unknown codes pass through. */
export function fieldMessage(code: string, locale: 'fr' | 'en' = 'fr', vars: Record<string, unknown> = {}): string {
  const text = isFieldMessageCode(code) ? fieldMessages[code][locale] : code;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** The bounds of a zod issue (`minimum`, `maximum`) as the placeholders of our messages (`{min}`, `{max}`). */
export function boundsOf(issue: object): Record<string, unknown> {
  const { minimum, maximum } = issue as { minimum?: unknown; maximum?: unknown };
  return {
    ...(minimum === undefined ? {} : { min: Number(minimum) }),
    ...(maximum === undefined ? {} : { max: Number(maximum) }),
  };
}

// zod's built-in issues become our codes; explicit messages given in schemas (codes) are kept.
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null ? 'required' : 'invalid';
      case 'too_small':
        if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'required' : 'tooShort';
        return issue.origin === 'number' ? 'tooSmall' : 'invalid';
      case 'too_big':
        return issue.origin === 'string' ? 'tooLong' : issue.origin === 'number' ? 'tooBig' : 'invalid';
      case 'invalid_format':
        return issue.format === 'email' ? 'invalidEmail' : issue.format === 'url' ? 'invalidUrl' : 'invalid';
      default:
        return 'invalid';
    }
  },
});
