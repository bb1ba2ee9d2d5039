import { catalogue } from '../i18n/catalogue';

export const claimMessages = catalogue(
  {
    'claim.source.rna': 'le Répertoire national des associations',
    'claim.source.sirene': 'le répertoire SIRENE des entreprises',
    'claim.sourceJoin': ' et ',
    'claim.notice': 'Fiche pré-remplie depuis {sources} le {date} — pas encore revendiquée.',
    'claim.yours': 'C’est votre organisation ?',
    'claim.claimIt': 'Revendiquer cette fiche',
    'claim.invite': 'Inviter l’organisation à revendiquer sa fiche',
    'claim.title': 'Revendiquer la fiche',
    'claim.intro':
      'La fiche de {name} a été créée à partir des registres publics. En la revendiquant, vous devenez membre de cette organisation sur Alliances : vous pourrez compléter sa présentation, publier ses besoins et ses offres, et répondre aux propositions de partenariat.',
    'claim.how':
      'Pour prouver que vous en faites partie, indiquez votre adresse e-mail professionnelle au nom de domaine du site de l’organisation. Nous y enverrons un lien, valable 48 heures, pour créer votre compte.',
    'claim.expected': 'Domaine attendu : {domain} (ou un de ses sous-domaines, par exemple contact@{domain}).',
    'claim.expectedHidden': 'L’adresse doit être au domaine du site web de l’organisation.',
    'claim.email': 'Votre adresse e-mail à ce domaine',
    'claim.emailHint': 'Elle ne sera ni publiée ni montrée sur la fiche.',
    'claim.submit': 'Recevoir le lien',
    'claim.sent':
      'C’est envoyé. Si l’adresse peut revendiquer la fiche, un e-mail vient de lui être adressé avec un lien valable 48 heures. Pensez à regarder dans les indésirables.',
    'claim.otherWay':
      'Pas d’adresse à ce domaine ? Demandez à l’équipe d’animation du réseau de vous inviter : une invitation permet aussi de revendiquer la fiche.',
    'claim.alreadyClaimed': 'Cette fiche a déjà été revendiquée par son organisation.',
    'claim.notImported': 'Cette fiche n’a pas été pré-remplie depuis un registre : il n’y a rien à revendiquer.',
    'claim.backToActor': 'Retour à la fiche',
    'claim.confirmTitle': 'Créer votre compte de membre',
    'claim.confirmIntro': 'Dernière étape : choisissez votre nom et votre mot de passe.',
    'claim.organisation': 'Organisation',
    'claim.email.short': 'E-mail',
    'history.action.claim': 'Revendication de la fiche',
  },
  {
    'claim.source.rna': 'the national register of associations (RNA)',
    'claim.source.sirene': 'the SIRENE business register',
    'claim.sourceJoin': ' and ',
    'claim.notice': 'Profile pre-filled from {sources} on {date} — not claimed yet.',
    'claim.yours': 'Is this your organisation?',
    'claim.claimIt': 'Claim this profile',
    'claim.invite': 'Invite the organisation to claim its profile',
    'claim.title': 'Claim the profile',
    'claim.intro':
      '{name}’s profile was created from public registers. By claiming it, you become a member of this organisation on Alliances: you can complete its presentation, post its needs and offers, and answer partnership proposals.',
    'claim.how':
      'To prove you belong to it, give your work e-mail address at the domain of the organisation’s website. We will send a link there, valid 48 hours, to create your account.',
    'claim.expected': 'Expected domain: {domain} (or one of its subdomains, e.g. contact@{domain}).',
    'claim.expectedHidden': 'The address must be at the domain of the organisation’s website.',
    'claim.email': 'Your e-mail address at this domain',
    'claim.emailHint': 'It will not be published nor shown on the profile.',
    'claim.submit': 'Send me the link',
    'claim.sent':
      'Sent. If the address may claim the profile, an e-mail has just been sent to it with a link valid 48 hours. Check your spam folder too.',
    'claim.otherWay':
      'No address at this domain? Ask the network’s team to invite you: an invitation also claims the profile.',
    'claim.alreadyClaimed': 'This profile has already been claimed by its organisation.',
    'claim.notImported': 'This profile was not pre-filled from a register: there is nothing to claim.',
    'claim.backToActor': 'Back to the profile',
    'claim.confirmTitle': 'Create your member account',
    'claim.confirmIntro': 'Last step: choose your name and password.',
    'claim.organisation': 'Organisation',
    'claim.email.short': 'E-mail',
    'history.action.claim': 'Profile claimed',
  },
);
