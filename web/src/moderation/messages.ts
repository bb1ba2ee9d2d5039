import { catalogue } from '../i18n/catalogue';

// Moderation of the dialogue, its code of conduct and the citizens' self sign-up (issue 9 point 3).
export const moderationMessages = catalogue(
  {
    'moderation.nav': 'Modération',
    'moderation.nav.dialogue': 'Dialogue territorial',
    'moderation.nav.openCount.one': '{count} signalement en attente',
    'moderation.nav.openCount.other': '{count} signalements en attente',

    'moderation.reason.abuse': 'Propos injurieux ou irrespectueux',
    'moderation.reason.harassment': 'Attaque personnelle, harcèlement',
    'moderation.reason.spam': 'Publicité ou spam',
    'moderation.reason.personalData': 'Données personnelles d’autrui',
    'moderation.reason.offTopic': 'Hors sujet',
    'moderation.reason.other': 'Autre motif',

    'moderation.report.button': 'Signaler',
    'moderation.report.buttonLabel': 'Signaler ce contenu aux animateurs',
    'moderation.report.title': 'Signaler un contenu',
    'moderation.report.intro':
      'Les animateurs du réseau examineront votre signalement. Le contenu reste visible tant qu’ils n’ont pas décidé.',
    'moderation.report.reason': 'Motif du signalement',
    'moderation.report.details': 'Précisions',
    'moderation.report.detailsHint': 'Obligatoire pour «\u202fAutre motif\u202f», 1\u202f000 caractères au plus.',
    'moderation.report.submit': 'Envoyer le signalement',
    'moderation.report.cancel': 'Annuler',
    'moderation.report.close': 'Fermer',
    'moderation.report.sent': 'Merci, votre signalement a été transmis aux animateurs.',
    'moderation.report.charter': 'Lire la charte de participation',

    'moderation.controls.hide': 'Masquer',
    'moderation.controls.restore': 'Rétablir',
    'moderation.controls.dismiss': 'Conserver (classer les signalements)',
    'moderation.controls.reason': 'Motif de la décision (conservé dans l’historique)',
    'moderation.controls.confirmHide': 'Confirmer le masquage',
    'moderation.controls.confirmRestore': 'Confirmer le rétablissement',
    'moderation.controls.confirmDismiss': 'Confirmer le classement',
    'moderation.controls.cancel': 'Annuler',
    'moderation.controls.history': 'Historique de modération',
    'moderation.controls.hiddenSince': 'Masqué par la modération le {date}\u202f: {reason}',
    'moderation.controls.done.hide': 'Contenu masqué. Il reste conservé et visible des animateurs.',
    'moderation.controls.done.restore': 'Contenu rétabli.',
    'moderation.controls.done.dismiss': 'Signalements classés, le contenu reste visible.',
    'moderation.history.empty': 'Aucune décision de modération sur ce contenu.',
    'moderation.history.by': '{action} le {date} par {name}\u202f: {reason}',
    'moderation.history.someone': 'un compte supprimé',
    'moderation.action.hide': 'Masqué',
    'moderation.action.restore': 'Rétabli',
    'moderation.action.dismiss': 'Signalements classés',

    'moderation.queue.title': 'Modération du dialogue territorial',
    'moderation.queue.intro':
      'Les contenus signalés, du plus ancien signalement au plus récent. Masquer ne supprime rien\u202f: le contenu et le motif sont conservés.',
    'moderation.queue.filter': 'Signalements',
    'moderation.queue.open': 'En attente',
    'moderation.queue.resolved': 'Traités',
    'moderation.queue.empty': 'Aucun signalement en attente',
    'moderation.queue.emptyResolved': 'Aucun signalement traité pour le moment.',
    'moderation.queue.count.one': '{count} contenu signalé',
    'moderation.queue.count.other': '{count} contenus signalés',
    'moderation.queue.kind.proposal': 'Proposition',
    'moderation.queue.kind.comment': 'Commentaire',
    'moderation.queue.in': 'Défi\u202f: {challenge} · Proposition\u202f: {proposal}',
    'moderation.queue.author': 'Auteur\u202f:',
    'moderation.queue.reports.one': '{count} signalement en attente',
    'moderation.queue.reports.other': '{count} signalements en attente',
    'moderation.queue.dates': 'Premier signalement le {first}, dernier le {last}',
    'moderation.queue.hidden': 'Masqué',
    'moderation.queue.visible': 'Visible',
    'moderation.queue.see': 'Voir la proposition',
    'moderation.status.open': 'en attente',
    'moderation.status.upheld': 'retenu',
    'moderation.status.dismissed': 'classé',

    'charter.title': 'Charte de participation au dialogue territorial',
    'charter.intro':
      'Le dialogue territorial réunit associations, entreprises, collectivités, universités, médias et citoyen·nes autour des défis du territoire. Pour que chacun·e puisse y prendre part sereinement, toute contribution (proposition, commentaire, soutien) respecte les règles suivantes.',
    'charter.rules': 'Les règles',
    'charter.rule.respect':
      'Respect\u202f: on débat des idées, pas des personnes. Les désaccords s’expriment avec courtoisie.',
    'charter.rule.attacks':
      'Pas d’attaque personnelle\u202f: aucune insulte, moquerie, menace ni propos discriminatoire (origine, sexe, religion, handicap, orientation…).',
    'charter.rule.personalData':
      'Pas de données personnelles d’autrui\u202f: ne publiez ni nom, ni adresse, ni téléphone, ni e-mail, ni photo d’une autre personne sans son accord.',
    'charter.rule.topic':
      'Rester sur le défi\u202f: chaque proposition ou commentaire répond au défi posé\u202f; les autres sujets ont leur place ailleurs.',
    'charter.rule.advertising':
      'Pas de publicité\u202f: on peut dire ce que son organisation peut apporter, mais pas faire de promotion commerciale ni de propagande électorale.',
    'charter.rule.law':
      'Respect de la loi\u202f: pas de contenu illégal, diffamatoire ou portant atteinte aux droits d’autrui.',
    'charter.signature':
      'Publiquement, une contribution est signée du nom de l’organisation, ou «\u202fCitoyen·ne\u202f» suivi de la commune pour une personne inscrite à titre individuel\u202f: votre nom n’apparaît pas.',
    'charter.moderation': 'Signalement et modération',
    'charter.moderation.report':
      'Toute personne connectée peut signaler un contenu avec le bouton «\u202fSignaler\u202f», en choisissant un motif. Un signalement par personne et par contenu.',
    'charter.moderation.review':
      'Les animateurs du réseau examinent les signalements. Ils peuvent masquer un contenu contraire à la charte, ou le conserver et classer les signalements.',
    'charter.moderation.hidden':
      'Un contenu masqué n’est jamais supprimé\u202f: il disparaît de l’affichage public, mais il est conservé, avec le motif de la décision, la date et son auteur·rice.',
    'charter.moderation.appeal':
      'Vous pouvez contester une décision par e-mail auprès de l’équipe d’animation du réseau\u202f: elle la réexamine et peut rétablir le contenu.',
    'charter.signup': 'Vous n’avez pas de compte\u202f? Inscrivez-vous comme citoyen·ne',

    'signup.title': 'Inscription citoyenne',
    'signup.intro':
      'Habitant·e du territoire, inscrivez-vous pour proposer des réponses aux défis, les commenter et les soutenir en votre nom. Vous recevrez un lien par e-mail pour choisir votre mot de passe.',
    'signup.email': 'Adresse e-mail',
    'signup.displayName': 'Votre nom ou pseudonyme',
    'signup.displayNameHint':
      'Visible des seuls animateurs\u202f; publiquement, vos contributions sont signées «\u202fCitoyen·ne\u202f».',
    'signup.communeHint': 'Pour les chiffres de participation par commune.',
    'signup.accepts': 'J’ai lu et j’accepte la charte de participation',
    'signup.charterLink': 'Lire la charte de participation',
    'signup.submit': 'M’inscrire',
    'signup.sent':
      'Demande enregistrée. Si l’adresse est valide, un e-mail vient de vous être envoyé\u202f: ouvrez le lien qu’il contient (valable 48 heures) pour choisir votre mot de passe.',
    'signup.login': 'Vous avez déjà un compte\u202f? Connectez-vous',
    'signup.fromLogin': 'Habitant·e du territoire\u202f? Inscrivez-vous pour participer au dialogue territorial',

    'account.commune.title': 'Ma commune',
    'account.commune.intro':
      'Facultatif\u202f: votre commune accompagne la mention «\u202fCitoyen·ne\u202f» de vos contributions et compte dans les chiffres de participation.',
    'account.commune.none': 'Aucune commune indiquée.',
    'account.commune.save': 'Enregistrer la commune',
    'account.commune.clear': 'Retirer ma commune',
    'account.commune.saved': 'Commune enregistrée.',
    'account.commune.cleared': 'Commune retirée.',
  },
  {
    'moderation.nav': 'Moderation',
    'moderation.nav.dialogue': 'Territorial dialogue',
    'moderation.nav.openCount.one': '{count} open report',
    'moderation.nav.openCount.other': '{count} open reports',

    'moderation.reason.abuse': 'Abusive or disrespectful',
    'moderation.reason.harassment': 'Personal attack, harassment',
    'moderation.reason.spam': 'Advertising or spam',
    'moderation.reason.personalData': 'Someone else’s personal data',
    'moderation.reason.offTopic': 'Off topic',
    'moderation.reason.other': 'Other reason',

    'moderation.report.button': 'Report',
    'moderation.report.buttonLabel': 'Report this content to the animators',
    'moderation.report.title': 'Report content',
    'moderation.report.intro':
      'The network’s animators will look at your report. The content stays visible until they decide.',
    'moderation.report.reason': 'Reason',
    'moderation.report.details': 'Details',
    'moderation.report.detailsHint': 'Required for “Other reason”, at most 1,000 characters.',
    'moderation.report.submit': 'Send the report',
    'moderation.report.cancel': 'Cancel',
    'moderation.report.close': 'Close',
    'moderation.report.sent': 'Thank you, your report was sent to the animators.',
    'moderation.report.charter': 'Read the code of conduct',

    'moderation.controls.hide': 'Hide',
    'moderation.controls.restore': 'Restore',
    'moderation.controls.dismiss': 'Keep (dismiss the reports)',
    'moderation.controls.reason': 'Reason for the decision (kept in the history)',
    'moderation.controls.confirmHide': 'Confirm hiding',
    'moderation.controls.confirmRestore': 'Confirm restoring',
    'moderation.controls.confirmDismiss': 'Confirm dismissing',
    'moderation.controls.cancel': 'Cancel',
    'moderation.controls.history': 'Moderation history',
    'moderation.controls.hiddenSince': 'Hidden by moderation on {date}: {reason}',
    'moderation.controls.done.hide': 'Content hidden. It is kept and staff still see it.',
    'moderation.controls.done.restore': 'Content restored.',
    'moderation.controls.done.dismiss': 'Reports dismissed, the content stays visible.',
    'moderation.history.empty': 'No moderation decision on this content.',
    'moderation.history.by': '{action} on {date} by {name}: {reason}',
    'moderation.history.someone': 'a deleted account',
    'moderation.action.hide': 'Hidden',
    'moderation.action.restore': 'Restored',
    'moderation.action.dismiss': 'Reports dismissed',

    'moderation.queue.title': 'Territorial dialogue moderation',
    'moderation.queue.intro':
      'Reported contents, oldest report first. Hiding deletes nothing: the content and the reason are kept.',
    'moderation.queue.filter': 'Reports',
    'moderation.queue.open': 'Open',
    'moderation.queue.resolved': 'Resolved',
    'moderation.queue.empty': 'No open report',
    'moderation.queue.emptyResolved': 'No resolved report yet.',
    'moderation.queue.count.one': '{count} reported content',
    'moderation.queue.count.other': '{count} reported contents',
    'moderation.queue.kind.proposal': 'Proposal',
    'moderation.queue.kind.comment': 'Comment',
    'moderation.queue.in': 'Challenge: {challenge} · Proposal: {proposal}',
    'moderation.queue.author': 'Author:',
    'moderation.queue.reports.one': '{count} open report',
    'moderation.queue.reports.other': '{count} open reports',
    'moderation.queue.dates': 'First reported on {first}, last on {last}',
    'moderation.queue.hidden': 'Hidden',
    'moderation.queue.visible': 'Visible',
    'moderation.queue.see': 'See the proposal',
    'moderation.status.open': 'open',
    'moderation.status.upheld': 'upheld',
    'moderation.status.dismissed': 'dismissed',

    'charter.title': 'Code of conduct of the territorial dialogue',
    'charter.intro':
      'The territorial dialogue brings together associations, companies, local authorities, universities, media and citizens around the territory’s challenges. So that everyone can take part calmly, every contribution (proposal, comment, support) follows these rules.',
    'charter.rules': 'The rules',
    'charter.rule.respect': 'Respect: debate ideas, not people. Disagreements are expressed courteously.',
    'charter.rule.attacks':
      'No personal attacks: no insults, mockery, threats or discriminatory remarks (origin, sex, religion, disability, orientation…).',
    'charter.rule.personalData':
      'No one else’s personal data: do not publish another person’s name, address, phone, e-mail or photo without their consent.',
    'charter.rule.topic':
      'Stay on the challenge: each proposal or comment answers the challenge; other subjects belong elsewhere.',
    'charter.rule.advertising':
      'No advertising: you may say what your organisation can bring, but no commercial promotion nor electoral propaganda.',
    'charter.rule.law': 'Respect the law: no illegal, defamatory content or content infringing others’ rights.',
    'charter.signature':
      'In public, a contribution is signed with the organisation’s name, or “Citizen” followed by the commune for a person taking part individually: your name is not shown.',
    'charter.moderation': 'Reports and moderation',
    'charter.moderation.report':
      'Anyone signed in can report content with the “Report” button, choosing a reason. One report per person and content.',
    'charter.moderation.review':
      'The network’s animators review the reports. They may hide content against the code of conduct, or keep it and dismiss the reports.',
    'charter.moderation.hidden':
      'Hidden content is never deleted: it disappears from public view but is kept, with the reason for the decision, its date and who took it.',
    'charter.moderation.appeal':
      'You can contest a decision by e-mail to the network’s animation team: it reviews the decision and may restore the content.',
    'charter.signup': 'No account? Sign up as a citizen',

    'signup.title': 'Citizen sign-up',
    'signup.intro':
      'If you live in the territory, sign up to propose answers to the challenges, comment on them and support them in your own name. You will receive a link by e-mail to choose your password.',
    'signup.email': 'E-mail address',
    'signup.displayName': 'Your name or nickname',
    'signup.displayNameHint': 'Seen by the animators only; in public, your contributions are signed “Citizen”.',
    'signup.communeHint': 'For the participation figures by commune.',
    'signup.accepts': 'I have read and accept the code of conduct',
    'signup.charterLink': 'Read the code of conduct',
    'signup.submit': 'Sign up',
    'signup.sent':
      'Request recorded. If the address is valid, an e-mail has just been sent: open its link (valid 48 hours) to choose your password.',
    'signup.login': 'Already have an account? Sign in',
    'signup.fromLogin': 'Living in the territory? Sign up to take part in the territorial dialogue',

    'account.commune.title': 'My commune',
    'account.commune.intro':
      'Optional: your commune goes with the “Citizen” signature of your contributions and counts in the participation figures.',
    'account.commune.none': 'No commune given.',
    'account.commune.save': 'Save the commune',
    'account.commune.clear': 'Remove my commune',
    'account.commune.saved': 'Commune saved.',
    'account.commune.cleared': 'Commune removed.',
  },
);
