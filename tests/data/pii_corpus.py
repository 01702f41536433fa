"""French sentences typical of harassment testimonies, annotated with the personal data a
moderator must redact before publication.

Written by hand for the detector's corpus test (tests/test_pii_corpus.py); all names, numbers,
addresses and accounts are invented. Each entry is ``(sentence, [(kind, exact span), ...])``;
the kinds are those of ``temoignages.pii.KINDS``.

Annotation conventions (what a careful moderator would highlight):

- name: a person's name as written, case kept (« mme martin »). A civil or honorific title
  directly before the name is part of the span (M., Mme, Mlle, Mr, Monsieur, Madame, Dr,
  docteur, Me, Pr, professeur). A role or kinship word is not (« mon manager Kevin » → « Kevin »,
  « la prof de maths Mme Roux » → « Mme Roux »). A full name or an initial is one span
  (« Julien D. », « T. Bernard », « Karim Haddad »). Nicknames count.
- institution: a school, university, company or club with what names it; when the type word is
  directly followed by « de <town> » (« IUT de Lens », « collège de Harnes »), the town is part
  of the name; when the institution has its own name, « de <town> » after it is a separate place
  (« collège Sainte-Marie » + « Béthune »). Organisations known by their brand (« Carrefour »).
- place: a town or a street address (number included), a postcode.
- phone, email (obfuscated ones too, whole span), url (web addresses and social-media handles,
  with or without « @ »).
- Not personal data: apps and platforms (Snapchat, Instagram, TikTok…), days, months, holidays,
  school subjects and grades, « Dieu », « Internet », « Covid », helpline numbers (3114, 17),
  years, regions. Many sentences have nothing at all: they measure precision.
"""

CORPUS: list[tuple[str, list[tuple[str, str]]]] = [
    # --- school ---
    ("En 4e, M. Dupont me faisait des remarques sur mon corps devant toute la classe.", [("name", "M. Dupont")]),
    ("Mme Martin, la prof de français, a dit que j'exagérais.", [("name", "Mme Martin")]),
    ("Le principal M. Garcia n'a jamais voulu recevoir mes parents.", [("name", "M. Garcia")]),
    ("La prof de maths Mme Roux riait avec eux quand ils m'insultaient.", [("name", "Mme Roux")]),
    (
        "Au collège Jean Moulin, on m'appelait « la baleine » tous les jours.",
        [("institution", "collège Jean Moulin")],
    ),
    (
        "J'étais au lycée Victor-Hugo de Carvin en seconde.",
        [("institution", "lycée Victor-Hugo"), ("place", "Carvin")],
    ),
    (
        "À l'école primaire Jules Ferry, deux garçons me coinçaient dans les toilettes.",
        [("institution", "école primaire Jules Ferry")],
    ),
    ("Lucas m'a dit que si je parlais, il publierait les photos.", [("name", "Lucas")]),
    ("Mlle Petit, la surveillante, a fait semblant de ne rien voir.", [("name", "Mlle Petit")]),
    (
        "Le professeur Moreau m'a gardée après le cours pour me dire que je l'avais cherché.",
        [("name", "professeur Moreau")],
    ),
    (
        "Chaque lundi, en sport, Enzo et Nathan me lançaient le ballon au visage.",
        [("name", "Enzo"), ("name", "Nathan")],
    ),
    (
        "Je suis en terminale au lycée professionnel Louis Blériot et personne ne me croit.",
        [("institution", "lycée professionnel Louis Blériot")],
    ),
    ("Thomas B. a créé un groupe WhatsApp pour se moquer de moi.", [("name", "Thomas B.")]),
    ("C'est Jean-Pierre, le CPE, qui m'a conseillé de changer de place.", [("name", "Jean-Pierre")]),
    ("Ma mère a écrit à mme martin mais elle n'a jamais répondu.", [("name", "mme martin")]),
    (
        "Au collège de Harnes, les élèves de 3e nous rackettaient à la sortie.",
        [("institution", "collège de Harnes")],
    ),
    ("Personne ne m'a aidée, ni les profs ni la direction.", []),
    ("Pendant la récréation, ils me tiraient les cheveux et me traitaient de sale intello.", []),
    ("Mardi dernier, j'ai enfin osé en parler à l'infirmière scolaire.", []),
    ("Inès et Chloé ont répandu la rumeur que j'étais enceinte.", [("name", "Inès"), ("name", "Chloé")]),
    ("En cours d'anglais, Mr Johnson laissait faire parce que c'était « pour rire ».", [("name", "Mr Johnson")]),
    ("Le directeur de l'école, Monsieur Durand, m'a dit d'arrêter de pleurer.", [("name", "Monsieur Durand")]),
    ("Madame Leroy nous a séparés mais le lendemain ça recommençait.", [("name", "Madame Leroy")]),
    (
        "J'ai quitté le collège Sainte-Marie de Béthune en plein milieu de l'année.",
        [("institution", "collège Sainte-Marie"), ("place", "Béthune")],
    ),
    ("Depuis la rentrée de septembre, je mange seule au self.", []),
    ("Mon fils Noah, 11 ans, rentre tous les soirs avec des bleus.", [("name", "Noah")]),
    ("Ils m'ont filmée dans les vestiaires du gymnase et la vidéo a tourné sur Snapchat.", []),
    ("La CPE Mme Lefebvre-Dumas a convoqué tout le monde sauf lui.", [("name", "Mme Lefebvre-Dumas")]),
    ("En seconde, la prof de Français m'a humiliée en lisant ma rédaction à voix haute.", []),
    ("Quand j'étais en CM2, un garçon de ma classe, Yanis, me frappait.", [("name", "Yanis")]),
    ("T. Bernard, mon prof principal, n'a rien signalé.", [("name", "T. Bernard")]),
    ("Le surveillant, M. Benali, m'a dit que c'était de ma faute.", [("name", "M. Benali")]),
    ("Dieu merci, mes parents m'ont crue tout de suite.", []),
    ("Au lycée, on était trois à subir ça, et on n'en a jamais parlé.", []),
    ("Après le conseil de classe, Mme N'Diaye m'a enfin écoutée.", [("name", "Mme N'Diaye")]),
    ("Ma prof de SVT, Mme Da Silva, m'a orientée vers l'infirmière.", [("name", "Mme Da Silva")]),
    ("Mon ancien prof d'EPS, le fameux « Coach Fred », est toujours en poste.", [("name", "Fred")]),
    ("Avec Lucie, on a décidé d'en parler ensemble à la CPE.", [("name", "Lucie")]),
    ("Le CPE a dit « Arrête de faire ta victime ».", []),
    ("jsuis en 3eme et un mec qui sappelle enzo me harcele", [("name", "enzo")]),
    ("la prof mme roux elle dit rien", [("name", "mme roux")]),
    # --- university ---
    (
        "En première année à l'IUT de Lens, un chargé de TD me harcelait de messages.",
        [("institution", "IUT de Lens")],
    ),
    (
        "À l'université de Lille, mon directeur de mémoire, le Pr Lambert, me touchait le bras sans arrêt.",
        [("institution", "université de Lille"), ("name", "Pr Lambert")],
    ),
    (
        "Un étudiant de la fac de droit de Douai m'a suivie jusqu'à chez moi.",
        [("institution", "fac de droit de Douai")],
    ),
    ("En soirée d'intégration, Maxime et ses potes m'ont forcée à boire.", [("name", "Maxime")]),
    ("Le doyen a classé l'affaire sans suite.", []),
    ("Dr Bernard, mon maître de stage à l'hôpital, me faisait des avances.", [("name", "Dr Bernard")]),
    ("Au BDE, tout le monde savait ce que faisait Hugo.", [("name", "Hugo")]),
    ("J'étais en BTS à Arras et mon tuteur m'envoyait des messages la nuit.", [("place", "Arras")]),
    ("Ma directrice de thèse, Mme Caron, a minimisé les faits.", [("name", "Mme Caron")]),
    ("En Master, le Covid nous a isolés et les messages ont empiré.", []),
    (
        "Il était à l'école d'ingénieurs de Villeneuve-d'Ascq avec moi.",
        [("institution", "école d'ingénieurs de Villeneuve-d'Ascq")],
    ),
    # --- work ---
    ("Mon manager Kevin me demandait de sourire davantage devant les clients.", [("name", "Kevin")]),
    ("Son chef Julien D. passait derrière elle et lui massait les épaules.", [("name", "Julien D.")]),
    (
        "Je travaillais chez Carrefour à Liévin, au rayon frais.",
        [("institution", "Carrefour"), ("place", "Liévin")],
    ),
    ("Chez Lidl, le responsable de magasin m'appelait « ma puce ».", [("institution", "Lidl")]),
    (
        "Au McDo de Lens, une collègue m'a prévenue de ne jamais rester seule avec lui.",
        [("institution", "McDo"), ("place", "Lens")],
    ),
    (
        "Mon patron, Monsieur Vasseur, me répétait que les femmes n'ont rien à faire sur un chantier.",
        [("name", "Monsieur Vasseur")],
    ),
    ("Je suis infirmière depuis dix ans et je n'avais jamais vécu ça.", []),
    ("En réunion, Stéphane a lancé une blague sur mes seins et tout le monde a ri.", [("name", "Stéphane")]),
    ("Le DRH m'a conseillé de prendre sur moi.", []),
    (
        "J'ai porté plainte contre mon ancien employeur, la société Transports Delcroix.",
        [("institution", "société Transports Delcroix")],
    ),
    (
        "Mon contrat à l'agence Intérim Plus n'a pas été renouvelé après mon signalement.",
        [("institution", "agence Intérim Plus")],
    ),
    ("L'avocate, Me Lambert, m'a conseillé de garder toutes les preuves.", [("name", "Me Lambert")]),
    (
        "Chaque vendredi soir, Frédéric m'envoyait des SMS au 06 12 34 56 78 pour savoir ce que je faisais.",
        [("name", "Frédéric"), ("phone", "06 12 34 56 78")],
    ),
    ("Vous pouvez me joindre au 06.45.78.12.90 si besoin.", [("phone", "06.45.78.12.90")]),
    ("Mon numéro : 0612345678.", [("phone", "0612345678")]),
    ("Il m'appelait en masqué, puis depuis le +33 6 22 33 44 55.", [("phone", "+33 6 22 33 44 55")]),
    ("Son numéro pro, c'est le +33 (0)6 98 76 54 32.", [("phone", "+33 (0)6 98 76 54 32")]),
    ("J'ai reçu plus de 40 appels en une nuit, du 07 81 22 45 19.", [("phone", "07 81 22 45 19")]),
    ("Le standard de l'entreprise, le 03 21 45 67 89, ne répondait jamais.", [("phone", "03 21 45 67 89")]),
    ("À l'usine, on était deux femmes sur soixante ouvriers.", []),
    ("Ma cheffe d'équipe Sandrine m'a soutenue jusqu'au bout.", [("name", "Sandrine")]),
    (
        "Je bosse chez Decathlon depuis 2019 et le harcèlement a commencé en mars.",
        [("institution", "Decathlon")],
    ),
    (
        "Ma conseillère Pôle emploi à Béthune m'a reçue une seule fois.",
        [("institution", "Pôle emploi"), ("place", "Béthune")],
    ),
    (
        "Mon ancien collègue m'envoie encore des mails sur lea.dupont62@gmail.com.",
        [("email", "lea.dupont62@gmail.com")],
    ),
    (
        "Écrivez-moi à camille.r [at] gmail [dot] com, je répondrai.",
        [("email", "camille.r [at] gmail [dot] com")],
    ),
    ("Mon adresse c'est sarah59 arobase hotmail point fr.", [("email", "sarah59 arobase hotmail point fr")]),
    (
        "Il a trouvé mon adresse pro, j.morel@transports-delcroix.fr, et m'écrivait la nuit.",
        [("email", "j.morel@transports-delcroix.fr")],
    ),
    ("Le 15 mai, la médecine du travail m'a déclarée inapte.", []),
    ("Au bureau de Bordeaux, tout le monde le couvrait.", [("place", "Bordeaux")]),
    ("On était en télétravail pendant le Covid et il m'appelait en visio tous les soirs.", []),
    ("Contactez-moi par mail : thomas-b@laposte.net.", [("email", "thomas-b@laposte.net")]),
    # --- street and transport ---
    ("Dans le bus de la ligne 13, un homme s'est collé contre moi.", []),
    ("J'habite à Carvin et je ne peux plus prendre le train seule.", [("place", "Carvin")]),
    (
        "Ça s'est passé rue de la Gare, à Hénin-Beaumont, vers 22 h.",
        [("place", "rue de la Gare"), ("place", "Hénin-Beaumont")],
    ),
    (
        "Il me suivait depuis la gare de Douai jusqu'au 14 rue Victor Hugo.",
        [("place", "Douai"), ("place", "14 rue Victor Hugo")],
    ),
    (
        "Je vis au 3 allée des Tilleuls, 62300 Lens, et il sait où j'habite.",
        [("place", "3 allée des Tilleuls"), ("place", "62300"), ("place", "Lens")],
    ),
    ("En sortant du métro à Paris, deux hommes m'ont encerclée.", [("place", "Paris")]),
    ("Dans le quartier, tout le monde l'appelle Momo, c'est lui qui m'a agressée.", [("name", "Momo")]),
    ("Un soir de Noël, sur le parking, il m'a attrapée par le bras.", []),
    ("J'ai grandi à Noeux-les-Mines et là-bas tout se sait.", [("place", "Noeux-les-Mines")]),
    ("Le chauffeur de taxi m'a déposée à Wingles au lieu de chez moi.", [("place", "Wingles")]),
    (
        "Nous habitions à Saint-Pol-sur-Ternoise quand mon voisin a commencé.",
        [("place", "Saint-Pol-sur-Ternoise")],
    ),
    (
        "Il traîne tous les soirs devant le Leclerc de Bully-les-Mines.",
        [("institution", "Leclerc"), ("place", "Bully-les-Mines")],
    ),
    ("Je marche avec mes clés entre les doigts depuis ce jour-là.", []),
    ("C'était un samedi d'août, il faisait très chaud.", []),
    ("Les policiers du commissariat m'ont demandé comment j'étais habillée.", []),
    ("Je suis partie vivre chez ma tante à Marseille pour fuir.", [("place", "Marseille")]),
    ("Il habite à Oignies, à deux rues de chez mes parents.", [("place", "Oignies")]),
    ("Sur le quai de la gare, un inconnu m'a prise en photo.", []),
    ("Dans la cité, on m'appelait « la Portugaise » à cause de mon accent.", []),
    ("Samedi soir, en boîte à Lille, un videur m'a plaquée contre le mur.", [("place", "Lille")]),
    ("J'ai appelé le 17 et personne n'est venu.", []),
    ("Je vous écris depuis Calais, où j'ai refait ma vie.", [("place", "Calais")]),
    ("Il m'a donné rendez-vous devant la mairie de Liévin.", [("institution", "mairie de Liévin")]),
    ("Après ça, je n'ai plus jamais remis les pieds là-bas.", []),
    # --- online ---
    ("Il m'a écrit sur Instagram depuis le compte @kev_62_off.", [("url", "@kev_62_off")]),
    ("Sur insta c'est lea_du62, elle y poste encore mes photos.", [("url", "lea_du62")]),
    ("Son snap c'est kevin.dz59, il a envoyé la vidéo à toute la classe.", [("url", "kevin.dz59")]),
    ("Sur TikTok, le compte @moqueries.college a posté mon visage.", [("url", "@moqueries.college")]),
    (
        "Ils ont créé une page https://www.instagram.com/balance_ton_bahut62/ pour m'humilier.",
        [("url", "https://www.instagram.com/balance_ton_bahut62/")],
    ),
    (
        "La vidéo est toujours en ligne sur youtube.com/watch?v=abc123XYZ.",
        [("url", "youtube.com/watch?v=abc123XYZ")],
    ),
    ("J'ai signalé le compte à Instagram mais rien n'a été fait.", []),
    ("Sur Discord, un certain Dylan m'envoyait des photos de lui.", [("name", "Dylan")]),
    ("Mon ex a créé un faux profil Facebook à mon nom, Manon Lefèvre.", [("name", "Manon Lefèvre")]),
    ("Internet ne pardonne rien : les captures circulent encore.", []),
    ("Son pseudo sur Twitch, c'est DarkSasuke_62.", [("url", "DarkSasuke_62")]),
    ("Il me contactait sur WhatsApp et sur Messenger, jour et nuit.", []),
    ("Le groupe Snapchat créé par la classe s'appelait « les thons ».", []),
    (
        "J'ai tout raconté sur le forum www.jeuxvideo.com mais on m'a traitée de menteuse.",
        [("url", "www.jeuxvideo.com")],
    ),
    ("Tiktok m'a répondu que la vidéo ne violait pas ses règles.", []),
    ("Le compte twitter @bzh_justice a relayé mon adresse.", [("url", "@bzh_justice")]),
    (
        "Elle m'envoyait des menaces sur Snapchat depuis le compte « nana.lens ».",
        [("url", "nana.lens")],
    ),
    (
        "Ma fille Jade recevait des insultes par Google Meet pendant les cours à distance.",
        [("name", "Jade")],
    ),
    ("Un inconnu m'a écrit : « je sais où tu habites, Lina ».", [("name", "Lina")]),
    ("Mon ex, Anthony, a diffusé mes photos intimes sur un site porno.", [("name", "Anthony")]),
    (
        "J'ai bloqué son numéro, 06 71 20 33 84, mais il en change sans arrêt.",
        [("phone", "06 71 20 33 84")],
    ),
    ("Mon insta : @chlo.e_lvn, n'hésitez pas à m'écrire.", [("url", "@chlo.e_lvn")]),
    ("Son profil, facebook.com/kevin.martin.59, est public.", [("url", "facebook.com/kevin.martin.59")]),
    ("Netflix, YouTube, Spotify : je ne pouvais plus rien regarder sans penser à lui.", []),
    ("mon num c 07 58 69 21 44 si quelqu'un veut parler", [("phone", "07 58 69 21 44")]),
    # --- family and home ---
    ("Mon beau-père, Patrick, me disait que personne ne me croirait.", [("name", "Patrick")]),
    ("Ma cousine Océane a tout raconté à ma grand-mère.", [("name", "Océane")]),
    ("Tonton Didier me faisait asseoir sur ses genoux à chaque repas de famille.", [("name", "Didier")]),
    ("Ma mère ne m'a jamais crue, elle préférait défendre son mari.", []),
    ("Chez ma grand-mère à Arras, c'était le seul endroit où j'étais en sécurité.", [("place", "Arras")]),
    ("Le juge aux affaires familiales a quand même accordé la garde à mon père.", []),
    ("Mon frère aîné, Karim Haddad, me frappait quand nos parents sortaient.", [("name", "Karim Haddad")]),
    ("Aujourd'hui j'ai 25 ans et je commence seulement à en parler.", []),
    ("Notre voisin M. Lemaire entendait tout mais n'a jamais appelé la police.", [("name", "M. Lemaire")]),
    ("Le docteur Fontaine, notre médecin de famille, n'a rien voulu voir.", [("name", "docteur Fontaine")]),
    ("Ma sœur Léa-Rose avait six ans quand ça a commencé.", [("name", "Léa-Rose")]),
    ("La psychologue du CMP de Liévin m'aide beaucoup aujourd'hui.", [("place", "Liévin")]),
    ("Pendant les vacances de Pâques, mon oncle venait dormir à la maison.", []),
    ("Mes parents ont porté plainte au commissariat de Lens en janvier.", [("place", "Lens")]),
    ("Ma belle-sœur, madame Dubois, me rabaissait devant les enfants.", [("name", "madame Dubois")]),
    ("C'est mon assistante sociale, Mme Fernandes, qui m'a parlé de ce site.", [("name", "Mme Fernandes")]),
    ("Pierre, le fils des voisins, avait 16 ans.", [("name", "Pierre")]),
    ("Rose, ma meilleure amie, a été la seule à me croire.", [("name", "Rose")]),
    # --- sport and leisure ---
    ("Au club de judo, l'entraîneur Franck nous faisait nous changer devant lui.", [("name", "Franck")]),
    (
        "Au conservatoire, mon professeur de piano, M. Hoarau, fermait toujours la porte à clé.",
        [("name", "M. Hoarau")],
    ),
    ("Le coach Romain m'envoyait des textos après chaque entraînement.", [("name", "Romain")]),
    ("En colonie de vacances, un animateur, Samuel, nous réveillait la nuit.", [("name", "Samuel")]),
    (
        "Le club de natation de Tourcoing n'a jamais répondu à mes courriers.",
        [("institution", "club de natation de Tourcoing")],
    ),
    ("À la piscine municipale, des garçons nous prenaient en photo.", []),
    (
        "Pendant le tournoi de Pâques, Mathis et Ilan m'ont enfermée dans les vestiaires.",
        [("name", "Mathis"), ("name", "Ilan")],
    ),
    ("Sa copine Clara m'envoyait des messages anonymes sur Instagram.", [("name", "Clara")]),
    # --- no personal data, tricky capitalised words ---
    ("Grâce à Dieu et à ma psy, je vais mieux.", []),
    ("Ce Noël-là, personne ne m'a demandé pourquoi je ne mangeais plus.", []),
    ("Harcèlement, menaces, insultes : j'ai tout vécu en six mois.", []),
    ("Vendredi, j'ai reçu un message vocal de trente secondes rempli d'insultes.", []),
    ("Franchement, je ne sais pas pourquoi je raconte ça maintenant.", []),
    ("Le 3114 m'a aidée un soir où je n'en pouvais plus.", []),
    ("Au secours, je ne sais plus à qui parler.", []),
    ("Le lundi 12 février 2024, j'ai enfin porté plainte.", []),
    ("Quand je repense à cette année de 5e, j'ai encore la boule au ventre.", []),
    ("Les gendarmes ont pris ma plainte en main courante, rien de plus.", []),
    ("Depuis, je fais des crises d'angoisse dès que mon téléphone vibre.", []),
    ("Merci à l'association qui m'a accompagnée pendant le procès.", []),
]

#: Written after the detector and committed before it ever ran on them. First run: recall 0.97,
#: precision 0.98 overall (« chez Leroy Merlin » taken for a name, the handle « xXdarkXx »
#: missed); both were then fixed by general rules (businesses after « chez », handles with an
#: inner capital near « pseudo »), so these sentences are no longer unseen.
HELD_OUT: list[tuple[str, list[tuple[str, str]]]] = [
    ("Mon prof de techno, M. Lefort, me mettait des mauvaises notes exprès.", [("name", "M. Lefort")]),
    (
        "Au lycée Jean Jaurès d'Arras, tout le monde connaissait la rumeur.",
        [("institution", "lycée Jean Jaurès"), ("place", "Arras")],
    ),
    ("C'est Mathéo qui a commencé, puis toute la classe a suivi.", [("name", "Mathéo")]),
    (
        "Mes harceleurs s'appelaient Bryan et Kylian, ils étaient en 3e C.",
        [("name", "Bryan"), ("name", "Kylian")],
    ),
    ("Mme Vandamme, la conseillère d'orientation, m'a dit de laisser tomber.", [("name", "Mme Vandamme")]),
    ("Je suis apprentie au CFA de Béthune depuis un an.", [("institution", "CFA de Béthune")]),
    ("Mon patron de stage, M. Delattre, fermait la porte de son bureau.", [("name", "M. Delattre")]),
    (
        "Elle travaillait à la boulangerie Dufour, rue Gambetta.",
        [("institution", "boulangerie Dufour"), ("place", "rue Gambetta")],
    ),
    ("Un soir, après le travail, il m'a suivie jusqu'à ma voiture.", []),
    ("J'ai déménagé à Lievin pour m'éloigner de lui.", [("place", "Lievin")]),
    ("Appelle-moi au 07-12-45-78-96 si tu vis la même chose.", [("phone", "07-12-45-78-96")]),
    ("Mon ex m'envoie encore des messages au 0033 6 45 12 78 90.", [("phone", "0033 6 45 12 78 90")]),
    ("Il avait créé l'adresse harceleur62@outlook.fr pour m'écrire.", [("email", "harceleur62@outlook.fr")]),
    ("La page insta « balance_ton_lycee_lens » publiait nos photos.", [("url", "balance_ton_lycee_lens")]),
    ("Mon snap : juju.lvr", [("url", "juju.lvr")]),
    ("Il postait des stories sur tiktok avec le pseudo minecraft_killer.", [("url", "minecraft_killer")]),
    ("Nous étions en vacances à Berck quand ça s'est passé.", [("place", "Berck")]),
    ("Madame la directrice n'a pas voulu m'écouter.", []),
    ("Le médecin scolaire, le docteur Sy, a fait un signalement.", [("name", "docteur Sy")]),
    ("Julie, ma collègue, a témoigné pour moi aux prud'hommes.", [("name", "Julie")]),
    ("Mes collègues de l'hôpital de Lens m'ont tourné le dos.", [("institution", "hôpital de Lens")]),
    ("Depuis janvier, je ne vais plus en cours le mercredi.", []),
    ("Le chef de rayon, un certain Régis, me mettait la main aux fesses.", [("name", "Régis")]),
    ("Ma meilleure amie Anaïs et moi avons été harcelées par le même garçon.", [("name", "Anaïs")]),
    ("En EPS, le prof nous obligeait à nous mettre en maillot devant les garçons.", []),
    ("J'habite à côté de Douai, dans un petit village.", [("place", "Douai")]),
    ("Mon ancien entraîneur, Stéphane Lemoine, est toujours au club.", [("name", "Stéphane Lemoine")]),
    (
        "La gérante du Intermarché de Harnes était au courant.",
        [("institution", "Intermarché"), ("place", "Harnes")],
    ),
    ("On m'a conseillé d'appeler le 3018, ce que j'ai fait.", []),
    ("Il me traitait de « sale Arabe » devant toute la salle.", []),
    ("Mes voisins du dessus, M. et Mme Carpentier, ont tout entendu.", [("name", "Mme Carpentier")]),
    (
        "J'étais en stage chez Leroy Merlin à Noyelles-Godault.",
        [("institution", "Leroy Merlin"), ("place", "Noyelles-Godault")],
    ),
    ("Elle s'appelle Zoé, elle a 12 ans, et elle ne veut plus aller à l'école.", [("name", "Zoé")]),
    ("Le harcèlement a duré de la 6e à la 3e, quatre longues années.", []),
    ("Je vous laisse mon mail : manon.delcourt@free.fr.", [("email", "manon.delcourt@free.fr")]),
    ("Tout a commencé pendant le confinement, sur Discord.", []),
    ("Mon oncle Gérard venait me chercher à la sortie de l'école.", [("name", "Gérard")]),
    (
        "Le proviseur du lycée Condorcet de Lens a refusé de le sanctionner.",
        [("institution", "lycée Condorcet"), ("place", "Lens")],
    ),
    ("J'ai 15 ans et je vis à Avion avec ma mère.", [("place", "Avion")]),
    ("Ils m'appelaient « la grosse » dans le bus scolaire.", []),
    ("Le gars s'appelait Jordan Lecomte, il était en terminale.", [("name", "Jordan Lecomte")]),
    (
        "Pr Dubreuil, chef de service, m'a menacée de ne pas valider mon internat.",
        [("name", "Pr Dubreuil")],
    ),
    ("Tous les lundis matin, réunion d'équipe, et tous les lundis les mêmes blagues.", []),
    (
        "Mon tuteur à l'université d'Artois me demandait de venir chez lui.",
        [("institution", "université d'Artois")],
    ),
    (
        "Elle m'a écrit sur Messenger depuis le profil d'une certaine Sabrina Lopes.",
        [("name", "Sabrina Lopes")],
    ),
    (
        "Au Burger King de Lens, le manager me coinçait dans la chambre froide.",
        [("institution", "Burger King"), ("place", "Lens")],
    ),
    (
        "Notre adresse, c'est 27 rue Jean Jaurès, 62800 Liévin.",
        [("place", "27 rue Jean Jaurès"), ("place", "62800"), ("place", "Liévin")],
    ),
    ("Je ne sais pas si Facebook a supprimé les photos.", []),
    ("Ma petite sœur Maëlys ne dort plus la nuit.", [("name", "Maëlys")]),
    ("Ce qu'a fait mon père, je ne l'ai dit à personne pendant vingt ans.", []),
    (
        "Un homme m'a abordée à la sortie du Auchan de Noyelles.",
        [("institution", "Auchan"), ("place", "Noyelles")],
    ),
    ("Son compte TikTok c'est @the_real_bg59.", [("url", "@the_real_bg59")]),
    (
        "La photo est sur https://imgur.com/a/Xy12ab, elle y est depuis deux ans.",
        [("url", "https://imgur.com/a/Xy12ab")],
    ),
    ("Maître Caudron, mon avocat, m'a conseillé de témoigner ici.", [("name", "Maître Caudron")]),
    ("Hier, au self, Kenza s'est fait renverser son plateau dessus.", [("name", "Kenza")]),
    ("Cela fait trois ans et j'ai toujours peur de le croiser.", []),
    ("À la gare d'Arras, un contrôleur m'a fait des remarques sur ma tenue.", [("place", "Arras")]),
    ("J'en ai parlé à ma psy, Mme Ouali, qui m'a encouragée à écrire.", [("name", "Mme Ouali")]),
    ("On vivait au 5 impasse des Roses, tout le quartier savait.", [("place", "5 impasse des Roses")]),
    ("Le directeur, M. Hamadi, a promis de faire quelque chose, puis plus rien.", [("name", "M. Hamadi")]),
    ("pendant 2 ans un mec de ma classe kevin ma harcelé", [("name", "kevin")]),
    ("Mon numéro : 06 61 72 83 94 (laissez un message).", [("phone", "06 61 72 83 94")]),
    (
        "Dans mon ancien travail à la mairie de Carvin, le DGS me rabaissait.",
        [("institution", "mairie de Carvin")],
    ),
    ("Thibault m'avait promis de ne jamais montrer la vidéo.", [("name", "Thibault")]),
    ("La CPE a dit que Lou exagérait.", [("name", "Lou")]),
    ("Sur le serveur, tout le monde connaissait son pseudo, xXdarkXx.", [("url", "xXdarkXx")]),
]

#: A second unseen set in the style of real submissions (no accents, text-speak, addresses with
#: commas, businesses and names no list holds), committed before the detector ran on it. First
#: run: recall 0.83, precision 0.88 overall, names 0.94 / 0.85 (kind and span exact).
HELD_OUT_SECOND: list[tuple[str, list[tuple[str, str]]]] = [
    ("slt jsp si c le bon endroit mais depuis la 5e un gars qui sapelle ethan me frappe a la recre", [("name", "ethan")]),
    (
        "Ma prof principale Mme Bouchez savait tout. Elle m'a dit : « Tu n'as qu'à les ignorer ».",
        [("name", "Mme Bouchez")],
    ),
    (
        "Je bossais au Quick de Liévin, le gérant s'appelait Sébastien.",
        [("institution", "Quick"), ("place", "Liévin"), ("name", "Sébastien")],
    ),
    (
        "Au collège Anatole France, en 2018, j'ai été harcelée par trois filles.",
        [("institution", "collège Anatole France")],
    ),
    ("La conseillère principale d'éducation, Mme Baert, a pris mon parti.", [("name", "Mme Baert")]),
    ("Mon mari m'insultait devant nos enfants, Léo et Emma.", [("name", "Léo"), ("name", "Emma")]),
    ("Depuis que j'ai quitté Wattrelos, je respire enfin.", [("place", "Wattrelos")]),
    (
        "Mon adresse : 8, rue Pasteur, 59000 Lille.",
        [("place", "8, rue Pasteur"), ("place", "59000"), ("place", "Lille")],
    ),
    ("Whatsapp : 07 68 12 34 56", [("phone", "07 68 12 34 56")]),
    (
        "Il s'appelle Maxence Dubrulle et il est toujours en poste à la mairie.",
        [("name", "Maxence Dubrulle")],
    ),
    (
        "J'ai raconté tout ça à l'infirmière, Mme Lenglet, qui a appelé mes parents.",
        [("name", "Mme Lenglet")],
    ),
    ("Ma mère m'a emmenée chez le Dr Carlier, qui a constaté les bleus.", [("name", "Dr Carlier")]),
    (
        "Il a publié ma photo sur le compte insta @lens.potins avec mon prénom, Ambre.",
        [("url", "@lens.potins"), ("name", "Ambre")],
    ),
    ("Le week-end, au centre commercial, ils me suivaient dans les magasins.", []),
    (
        "Mon harceleur, Yassine, habite à Montigny-en-Gohelle.",
        [("name", "Yassine"), ("place", "Montigny-en-Gohelle")],
    ),
    ("Je veux juste que ça s'arrête.", []),
    (
        "La directrice de l'école maternelle Les Lilas ne m'a jamais répondu.",
        [("institution", "école maternelle Les Lilas")],
    ),
    (
        "Il m'a fait des avances pendant tout mon CDD chez Auchan Noyelles.",
        [("institution", "Auchan"), ("place", "Noyelles")],
    ),
    ("Un prof de l'IUT, M. Deschamps, notait mes tenues dans un carnet.", [("name", "M. Deschamps")]),
    (
        "En 2020 j'étais en seconde au lycée Pierre-de-Coubertin de Calais.",
        [("institution", "lycée Pierre-de-Coubertin"), ("place", "Calais")],
    ),
    ("Elle m'appelait tous les soirs du fixe de ses parents, le 03.21.78.45.12.", [("phone", "03.21.78.45.12")]),
    ("Mail perso : julie.vdb59@yahoo.fr", [("email", "julie.vdb59@yahoo.fr")]),
    ("Ma psy m'a conseillé d'écrire ici. Merci de m'avoir lue.", []),
    (
        "C'était à la soirée de Noémie, chez ses parents à Loos-en-Gohelle.",
        [("name", "Noémie"), ("place", "Loos-en-Gohelle")],
    ),
    ("Il était surveillant de nuit à l'internat du lycée Carnot.", [("institution", "lycée Carnot")]),
    ("Ludivine, ma N+1, me mettait la pression tous les jours.", [("name", "Ludivine")]),
    ("Son profil TikTok s'appelle « la_vraie_maeva ».", [("url", "la_vraie_maeva")]),
    ("Je suis une femme trans et au travail on m'appelle encore Julien.", [("name", "Julien")]),
    ("Après le procès, en juin, le juge a reconnu le harcèlement.", []),
    (
        "On habitait la résidence du Parc, bâtiment C, à Sallaumines.",
        [("place", "résidence du Parc"), ("place", "Sallaumines")],
    ),
    ("Elle s'est suicidée en 2021. Elle s'appelait Mélodie.", [("name", "Mélodie")]),
    ("Les faits ont eu lieu à la piscine Marx-Dormoy.", [("institution", "piscine Marx-Dormoy")]),
    ("Le coach de basket, Fabrice L., m'envoyait des photos de lui.", [("name", "Fabrice L.")]),
    (
        "Sur Facebook, un groupe « Les mamans de Harnes » a partagé la rumeur.",
        [("place", "Harnes")],
    ),
    ("Mon collègue Jean-Marc Vasseur a témoigné contre moi.", [("name", "Jean-Marc Vasseur")]),
    ("Je ne dirai pas son nom mais il se reconnaîtra.", []),
]
