/**
 * The words around what a request asks for, in both languages, written folded (lower case, no
 * accents) and matched on their stems: the words that ask (want, send, « voudrais »), the words that
 * only give circumstances (applied, ago, because, « depuis »), the words that name a file's person
 * or a kind of application, courtesy, and the people and bodies other than the file's person.
 * Anything a request says that is neither here nor a cue of the lexicon is not understood.
 */
export interface Vocabulary {
  en: string[];
  fr: string[];
}

/** Words written as one string, a space between each: long lists stay readable. */
const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** Words that ask: a part holding one is a request, never mere context. */
export const ASKING: Vocabulary = {
  en: words(`
    want wanted wish would like request requesting requested need please pls plz send provide give
    obtain get receive see know tell show access copy copies disclose disclosure share forward
    release find learn check confirm review let can could may looking asking ask seeking seek
    interested obtaining view information info details detail records record data explain
    explanation understand list summary print printout mail email kindly also additionally req rqst
    reqs wanna gimme needs pull furnish indicate supply solicit
  `),
  fr: words(`
    veux voudrais voudrions aimerais aimerions souhaite souhaiterais souhaitons demande demander
    demandons besoin svp plait envoyer envoyez transmettre transmettez fournir fournissez obtenir
    recevoir voir savoir connaitre consulter acces copie copies communiquer communiquez partager
    faire parvenir verifier confirmer dire indiquer indiquez montrer renseignements renseignement
    information informations details donnees expliquer explication liste resume pourriez pouvez
    pourrais peux merci aussi egalement cherche recherche obtention jaimerais jaimerai jvoudrais
    jveux voulons recevez donner prions prie
  `),
};

/** Words of circumstance: how long, since when, why, on whose advice. A part of only these and courtesy asks for nothing. */
export const CIRCUMSTANCE: Vocabulary = {
  en: words(`
    applied apply submitted submit filed sent mailed uploaded waited waiting wait ago since months
    month years year weeks week days day today yesterday now last past recently already still yet
    long time date period because reason needed purpose purposes order told advised suggested
    recommended said hearing court appeal judicial preparing prepare planning plan renew renewal
    been was were had have has got came went moved live living lived arrived born became married am
    is are happened happen heard nothing anything response answer reply frustrated worried concerned
    stressed urgent urgently asap soon possible quickly help appreciate appreciated grateful advance
    attention regarding concerning about reference subject following under act atip pursuant form
    online portal account gckey number uci client file case dear hello hi sir madam whom concern
    thank thanks regards sincerely best cheers yours truly respectfully mr mrs ms miss dr name etc
    ok okay hey good morning afternoon evening team officer department ircc cbsa asfc canada
    canadian government immigration border agency services service office processing processed first
    second third one two three four five six seven eight nine ten twelve half almost nearly over
    more less than around approximately january february march april june july august september
    october november december jan feb mar apr jun jul aug sep sept oct nov dec spring summer fall
    autumn winter present current currently ever whole entire full complete relevant related
    pertaining held hold holds personal own myself every each any both either whether which whatever
    possibly kind sort just really very exactly actually maybe perhaps sure correct right wrong
    exact specific specifically particular especially mainly simply thing things stuff something
    anyone someone people person everyone hope hoping trying tried try think believe assume guess
    wondering wonder curious unsure clarify clarification included include including attached
    enclosed consent signed behalf acting represent representing authorized authorization retained
    retain instructions instructed counsel licensed rcic member college society law firm applicant
    applicants principal my me i mine our we us clients his her him she he their them they it its
    this that these those there here and or but so then if as to of for on in at by from with into
    up out off a an the be do does did done will shall should must might what when where who why how
    all some other else too well again back via per only seulement fait estimated estimate
    estimation app apps exam examination yes no against obligation obligations background
    verification eligibility old older previous prior active valid wrote write written typed thx ty
    tx sp secondary ro outcomes outcome agencies numbers lol left recorded record history exempt
    exempted exemption airport crossing mme mlle m attn re fyi idk pls plz btw yo omg guys anyway
    basically literally please kindly many much often times status dates start started end ended
    until till onward onwards log trail system official formal formally informal electronic paper
    printed letter copy version english french language going took take taken made make put mark
    marked shown show listed appear appears appearing exist exists existing required require
    requires missing pending outstanding late new latest recent next upcoming expected anymore
    anybody nobody somebody neither such like same different another separate separately together
    through across within without between during while throughout relating respect paralegal
    transport mode modes wks wk mos yrs tracker receipt acknowledgement aor landing landed says rep
    reps used use pfl sowp ptpd tvrp poe pde rule side role reported keep keeps figure fix includes
    saying forward ahead thereof herein hereby find enclosure handles handling handled dealing
    moving move stuck holding verif vérif est est. itas ita iec car bus plane train foot returned
    return port missed emails changed mess abroad hospital conusel mostly outside inside thru count
    counting calculate calculation ll ve d mp mla reapply reapplying swear honestly lease admitted
    admission evaluation assessment mean means meaning entered procedural cancelled canceled revoked
    air land sea meet meets total totals referral referred actions action alternatives alternative
    conditions condition imposed terms explain situation stamps stamp stolen lost hr hrs hour hours
    respond responding tunnel bridge deciding decided pretty look looking reasons herself himself
    themselves themself ourselves legally lawfully physically certain sure prove proving demonstrate
    avoid mistake mistakes error bank finished done over sin dob nah rn appointed paid deposit
    dropped hist expired holdup delay delays monday tuesday wednesday thursday friday saturday sunday
    becoming enough several community switch kept intended remains remain effect reconsideration
    runs clue redo reapplied compliance allowed permitted vs versus designated claims relied upon
    involving involved article articles wp nominated boxes ticked checked real roughly leave former
    each twice turn truth treated single saw rather reached promptly occasions normal house home
    job ill fallen depends couple considered connected communicated behind base always affected
    useless supervisor business import offer operates bro final grant irpa crcic misrepresentation
    accused accuse id route road force accompanying limitation truck drove drive driving gave given
    shared transmitted forwarded actual actually
  `),
  fr: words(`
    applique postule soumis soumise envoye envoyee depose deposee attends attente attendre attendu
    depuis il y mois ans annee annees an semaines semaine jours jour aujourd hui maintenant dernier
    derniere passe recemment deja toujours encore longtemps temps date periode parce car puisque
    raison afin pour conseille recommande suggere dit audience cour tribunal appel controle
    judiciaire prepare preparer renouveler renouvellement ete etais etait eu ai avons avait avais
    suis est sommes arrive arrivee ne nee marie mariee vis habite demenage rien nouvelles reponse
    retour inquiet inquiete urgent urgence rapidement vite possible aide aider aidez remercie
    remerciant avance attention concernant objet sujet suivant suivants suivantes vertu loi aiprp
    formulaire ligne portail compte cleGC numero iuc client cliente dossier cas madame monsieur
    bonjour allo salut qui droit merci cordialement salutations distinguees sentiments veuillez
    legalement physiquement certain certaine certaines sur sure prouver demontrer eviter erreur
    banque termine terminee fini finie nas echu echue expire expiree faque icitte capote mandate
    mandatee paye payee respectueuses delai delais
    lundi mardi mercredi jeudi vendredi samedi dimanche assez tenus tenu enregistre enregistree
    plusieurs communautaire refait refaire grave astheure designee designe cadre quebecoise
    beaucoup affirme vigueur reexamen cases cochees cochee vrais vraies raisonnement
    vouloir chacune chacun accuse accusee tromper saurais gre ridicule reviens reprises prevoyez
    prefere maison emploi facon convaincu consideree considere comprendre communique bateau
    appuye accompagnent entreprise exploite importation offre tanne criss douanes douane viennent
    fausses fausse route camion vigueur
    article articles
    agreer expression meilleures bien vous nom equipe agent agente ministere ircc asfc cbsa canada
    canadien canadienne gouvernement immigration frontiere agence services service bureau traitement
    traite premier premiere deuxieme un une deux trois quatre cinq six sept huit neuf dix douze demi
    presque plus moins environ janvier fevrier mars avril mai juin juillet aout septembre octobre
    novembre decembre printemps automne hiver actuel actuelle actuellement entier complet complete
    pertinent pertinents relatif relatifs relatives lie lies detenus personnels personnelles
    personnel propre moi meme chaque tout tous toute toutes quel quelle quels quelles genre juste
    vraiment tres exactement peut etre sur exact precis precisement particulier surtout simplement
    chose choses quelque quelqu personne gens espere essaye pense crois demandais curieux clarifier
    precision compris inclus joint ci consentement signe part agissant represente representer mandat
    mandate mandataire autorise autorisation instructions conseil membre ordre barreau cabinet
    demandeur demandeuse requerant requerante principal mon ma mes je j nous notre nos son sa ses
    leur leurs elle lui ils elles on ce cet cette ces cela ca ici la le les l de des du d au aux a
    et ou mais donc alors si comme en dans par avec sans chez vers que qu quand comment pourquoi
    autre autres aussi ensuite c s n m t seulement uniquement fait faite prevue prevu prevues
    estimee estimation mesure mesures territoire pis puis examen combien oui non contre obligation
    verification admissibilite antecedents ancien ancienne anciens precedent precedente actif active
    actifs actives vigueur valide ecrit ecrite ecrits tape tapee quoi laquelle lequel lesquels
    organisme organismes nombre inscrit inscrite inscrits enregistre enregistree historique
    frontalier frontaliere frontalieres existe existent dispense dispensee exempte exemptee aeroport
    poste passage mme mlle re svp stp pcq pk coudonc ben tsé tse la-dessus bref enfin bon bonne
    jusqu partir debut fin dates statut etat registre registres journal systeme officiel officielle
    papier imprime lettre version anglais francais langue va aller pris prise prendre mis mise
    mettre marque marquee indique indiquee affiche affichee apparait requis requise exige exigee
    manquant manquante retard nouveau nouvelle recent recente prochain prochaine bientot different
    differente separement ensemble via travers pendant durant lors relativement egard matiere emis
    emise emises delivre echeant entre transport mode termine terminee traitee transmis transfere
    suite cote pays affaires situation probleme problemes reste utilise utilisee dirige dirigee
    maitre procureur intervenante intervenant invoque invoquee evoque porte journee heures repondu
    repond repondre ptpd tvrp pde poe aor incluse inclut font sont partie dessous jointe occupe
    occuper bouge bloque verif voiture autobus avion train pied rentre rentree revenant check vois
    voir souvent groupes hors dehors trace gardé garde traverse jai cest jsuis chu depute deputee
    bail savons savez protegee protege admise admis udem lib devais dois evaluation compter calculer
    refaire comptes veut dire signifie prend alinea paragraphe consigne consignees consignes redige
    redigee defere deferee rapport annulee annule revoquee voie terrestre maritime total conditions
    solution rechange imposees imposee explication mienne mien miens miennes majeur majeure mineur
    mineure ordi ordinateur telephone tunnel pont peq avant propres timbres vole volee perdu perdue
    heure
  `),
};

/** What people call their applications and documents: they say which file, not what of it. */
export const FILE_WORDS: Vocabulary = {
  en: words(`
    application applications permit permits work study studies student visitor visit visa visas trv
    eta pr permanent residence resident residency citizenship citizen expressentry ee pnp provincial
    nominee spousal sponsorship sponsor family class refugee claim asylum humanitarian compassionate
    h c super lmia open closed pgwp post graduation caregiver economic skilled worker federal quebec
    csq temporary extension extend restoration card travel document prtd passport biometrics
    fingerprints interview program stream category inland outland canada canadian experience cec fsw
    iec working holiday stay trip tourist citz school college university
  `),
  fr: words(`
    demande demandes permis travail etudes etudiant etudiante visiteur visite visa visas vrt ave rp
    residence permanente resident residente citoyennete citoyen citoyenne expressentry pcp candidat
    province provincial parrainage parrain marraine conjugal familial famille categorie refugie
    refugiee asile humanitaire considerations super eimt ouvert ferme pgwp diplome travailleur
    qualifie federal quebec csq temporaire prolongation prolonger retablissement carte titre voyage
    passeport biometrie empreintes entrevue programme volet experience canadienne pec vacances
    sejour touriste temporaires pe pt pto ptpd fiche postdiplome ecole universite cegep college
  `),
};

/**
 * People other than the file's person, and bodies other than IRCC and CBSA: a request naming one
 * asks for records One Window never shows (someone else's, another body's), unless the part only
 * gives circumstances.
 */
export const OTHERS: Vocabulary = {
  en: words(`
    spouse spouses wife wives husband husbands partner partners fiance fiancee child children kids
    kid son sons daughter daughters baby mother mom mum father dad parents parent brother brothers
    sister sisters sibling siblings grandmother grandfather grandparents uncle aunt nephew niece
    cousin relative relatives employer employers friend friends boyfriend girlfriend ex roommate
    neighbour neighbor colleague landlord stepson stepdaughter dependant dependants dependent
    dependents grandchild grandchildren sponsor sponsors clients man woman guy lady passenger
    passengers driver
  `),
  fr: words(`
    conjoint conjointe conjoints epouse epoux mari femme partenaire fiance fiancee enfant enfants
    repondant repondante repondants garant garante clients clientes homme gars dame passager
    passagere chauffeur
    fils fille filles bebe mere maman pere papa parents frere freres soeur soeurs oncle tante neveu
    niece cousin cousine proche proches employeur employeurs ami amie amis chum blonde copain copine
    ex colocataire voisin voisine collegue proprietaire petit petite petits
  `),
};

/** Bodies other than IRCC and CBSA: their records are theirs, whatever the part asks of them. */
export const BODIES: Vocabulary = {
  en: words(`
    fbi cbp usa american americans america states homeland rcmp csis police cra tax taxes revenue
    passportoffice
    esdc ohip hospital airline airlines interpol embassy consulate mifi personnel disciplinary court
    courts irb mounties authorities british mexican foreign
  `),
  fr: words(`
    americain americaine americains americaines etats unis usa grc scrs police policiers arc impot
    passportoffice
    impots revenu ramq hopital aerienne aeriennes interpol ambassade consulat mifi disciplinaire
    cisr tribunal surete autorites britanniques mexicaines mexicaine etrangere etrangeres agences
  `),
};

/** Lines that open or close a letter: a greeting asks for nothing, and after a sign-off only a name follows. */
export const SIGN_OFFS: Vocabulary = {
  // Phrases, each matched at the start of a line.
  en: [
    'regards',
    'sincerely',
    'best',
    'cheers',
    'respectfully',
    'yours',
    'thank you',
    'thanks',
    'many thanks',
  ],
  fr: ['cordialement', 'salutations', 'merci', 'bien a vous', 'veuillez agreer', 'au plaisir', 'sinceres'],
};

/** Words that make a part circumstance rather than a request: what happened, when, why, on whose advice. */
export const CONTEXT_MARKERS: Vocabulary = {
  en: words(`
    applied submitted filed sent mailed uploaded waited because told advised suggested recommended
    married arrived moved born lived living been was were had came went received got heard became
    started began worked studied entered landed travelled traveled returned flew drove am lost
    stolen changed mentioned said says think thinks believe know plan planning preparing hoping are
    included includes helped filled did made took paid appointed dropped is
  `),
  fr: words(`
    parce car puisque conseille recommande suggere dit marie mariee arrive arrivee demenage ne nee
    vis habite attends ete etait etais avait avais ai avons suis sommes soumis soumise envoye
    envoyee depose deposee recu recue eu commence travaille etudie atterri perdu vole change
    mentionne pense crois sais prepare espere rempli remplie parti partie quitte revenue sont inclus
    incluse aide aidee fait font agit sont
  `),
};

/** Words for records in general: asking for "my records" names no kind of record, so it is everything. */
export const GENERIC_RECORDS: Vocabulary = {
  en: words(`
    records record information info data file files documents documentation dossier passport
  `),
  fr: words(`
    renseignements information informations donnees dossier dossiers documents passeport
  `),
};

/**
 * Nouns that name a record or a document: asked for in a part no cue explains ("+ my
 * fingerprints", « tous les docs soumis »), they are something One Window cannot say it shows.
 */
export const RECORD_NOUNS: Vocabulary = {
  // Not "file", "record", « dossier », "information" or "details": alone they say whose, or
  // everything; nor "report", "form" or "copy", which cues and the copy rule read.
  en: words(`
    document documents doc docs documentation letter letters certificate certificates fingerprints
    fingerprint photo photos picture pictures recording recordings video videos audio tape tapes
    footage email emails memo memos log logs receipt receipts result results score scores test tests
    assessment assessments evaluation evaluations statement statements declaration declarations
    paperwork papers correspondence passport
  `),
  fr: words(`
    document documents doc docs lettre lettres attestation attestations certificat certificats
    empreintes photo photos enregistrement enregistrements video videos courriel courriels releve
    releves recu recus resultat resultats avis cotisation evaluation evaluations declaration
    declarations papiers pieces correspondance passeport
  `),
};

/**
 * A document itself, sent again: "send me the letter", « renvoyez-moi l'attestation », "the
 * letter itself". One Window lists letters and documents (what, when, due when, valid until);
 * it holds no copy of them. `asWhat` names what is asked of the document instead.
 */
export const DOCUMENT_ITSELF = {
  sending: {
    en: words(`send resend mail forward itself original originals actual themselves`),
    fr: words(
      `envoyer envoyez envoie renvoyer renvoyez renvoie transmettre transmettez poster meme originale original
      telles tels`,
    ),
  },
  documents: {
    en: words(`letter letters certificate certificates form forms receipt receipts attestation`),
    fr: words(
      `lettre lettres certificat certificats attestation attestations formulaire formulaires recu recus`,
    ),
  },
  // "Did you send me a letter?", "the date of the letter": the letter's listing, not the letter.
  asWhat: {
    en: words(`
      did ever whether date dates dated number numbers validity valid expiry expires due deadline
      what which list status summary content contents about
    `),
    fr: words(`
      si date dates numero numeros validite valide expiration echeance quoi quel quelle quels
      quelles liste statut resume contenu sujet
    `),
  },
};

/** Words that say no: with a word that asks, the part declines what it names ("please do not send copies"). */
export const NEGATION_WORDS: Vocabulary = {
  en: words(`
    not no dont don never without except excluding nor nothing none neither instead
  `),
  fr: words(`
    pas ne non jamais sans sauf hormis ni rien aucun aucune inutile plutot
  `),
};

/** How a sentence telling what happened opens: its subject, or a word of time or cause. */
export const NARRATIVE_OPENERS: Vocabulary = {
  en: words(`
    i we my our she he they it since because after before last in on landed applied this that
    every each
  `),
  fr: words(`
    je j nous elle il ils on ma mon mes notre depuis parce car quand lorsque apres avant en le c ca
    cela chaque
  `),
};

/** Verbs that follow their subject: "my husband is waiting", « mon fils a fait sa demande » tell about someone, not ask for their records. */
export const SUBJECT_VERBS: Vocabulary = {
  en: words(`
    is are was were has have had will would did does applied went came asked asks asking wants needs
    keeps says said told helped filled got lives works waited waiting also already who that born
  `),
  fr: words(`
    a ont est sont etait avait va veut fait sera aura attend vit travaille m me lui demande aussi
    deja qui nes nee ne se
  `),
};

/** Words that make the next person the owner of what is asked: "the notes of my wife", « le dossier de mon fils ». */
export const OWNERSHIP: Vocabulary = {
  en: words(`
    of for about regarding concerning on
  `),
  // Not « a » (folded « à »): « elle a deux enfants » tells, it does not own.
  fr: words(`
    de du des pour sur concernant
  `),
};

/** Words for a copy of something: One Window shows what records say, never copies of letters or documents. */
export const COPIES: Vocabulary = {
  en: words(`
    copy copies scan scans scanned photocopy pdf
  `),
  fr: words(`
    copie copies numerisation photocopie pdf
  `),
};

/** Someone else's, said by a person about their own file ("her application", « sa demande »). */
export const THIRD_PERSON: Vocabulary = {
  en: words(`
    his her hers their theirs
  `),
  fr: words(`
    sa son ses leur leurs
  `),
};

/** How a question opens when it has no question mark: "Was my application approved", « Quand suis-je entré ». */
export const QUESTION_OPENERS: Vocabulary = {
  en: words(`
    was were did do does has have is are can could will when where how why what which who whats
    whens wheres
  `),
  fr: words(`
    est quand comment pourquoi quel quelle quels quelles qui combien suis ai avez pouvez depuis ou y
  `),
};
