"""Word lists of the personal-data detector.

The first names, places and organisations are extended per site with the settings
``TESTIMONY_PII_FIRST_NAMES``, ``TESTIMONY_PII_PLACES`` and ``TESTIMONY_PII_ORGANISATIONS``.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    return text.split()


#: Common first names in France, from the grandparents' generation to today's pupils, with the
#: names of every origin that French classrooms hear. Compound names (« Jean-Pierre ») are found
#: from their first part. Names that are also everyday capitalised words (Grâce, Noël, Avril,
#: France) are left out: « Grâce à Dieu » is not a person.
FIRST_NAMES = _words(
    # girls
    "Adèle Agathe Agnès Aïcha Aline Alice Alicia Alix Aliya Alma Amandine Amélie Amina Amira Anaïs Andrea "
    "Andrée Angèle Angélique Anna Anne Annie Apolline Ariane Assia Astrid Aurélie Aurore Ava Axelle "
    "Aya Barbara Béatrice Bérénice Bernadette Brigitte Camille Capucine Carla Carole Caroline Cassandra "
    "Catherine Cécile Céline Chantal Charlène Charline Charlotte Chloé Christelle Christine Claire Clara "
    "Clarisse Claudine Clémence Clémentine Coralie Corinne Cynthia Danielle Delphine Denise Diane Dominique "
    "Dounia Eden Éléa Éléonore Élise Elisa Élisabeth Ella Elodie Élodie Éloïse Elsa Emma Emmanuelle Émilie "
    "Emilie Estelle Esther Eva Ève Fanny Farah Fatima Fatoumata Fatou Flavie Florence Floriane Francine "
    "Françoise Gabrielle Gaëlle Geneviève Ginette Giulia Hanna Hannah Héloïse Hélène Inès Ines Irène Isabelle "
    "Jacqueline Jade Jana Jeanne Jennifer Jessica Joséphine Josiane Julia Julie Juliette Justine Kahina "
    "Karine Kelly Kenza Khadija Laetitia Laëtitia Lana Laura Laure Laurence Léa Leila Leïla Léna Léonie "
    "Lilou Lily Lina Linda Lisa Lise Lola Lou Louane Louise Louna Luna Lucie Lucile Lydia Lyna Maëlle "
    "Maëlys Maeva Malak Manon Margaux Margot Marie Marina Marine Marion Marlène Marthe Martine Maryam Maryse "
    "Mathilde Maud Mélanie Mélissa Mia Michèle Micheline Mila Mireille Monique Morgane Myriam Nadège Nadia "
    "Nadine Naïma Nathalie Nina Noémie Nora Nour Océane Odette Olivia Ophélie Pascale Pauline Perrine "
    "Rachel Rania Rebecca Romane Rosa Rose Sabrina Salomé Samia Sandra Sandrine Sara Sarah Séverine Sofia "
    "Solène Sonia Sophie Stéphanie Suzanne Sylvie Tiphaine Valentine Valérie Vanessa Véronique Victoria "
    "Virginie Yasmine Yasmina Yvette Yvonne Zélie Zoé Zoe Zohra Ludivine Mélodie Cindy Audrey Émeline "
    "Emeline Gwendoline Jessy Priscilla Magali Nelly Sabine Sylviane Fabienne Ghislaine Josette Colette "
    "Danièle Évelyne Huguette Lucienne Nicole Paulette Solange Jocelyne Murielle Muriel Agathe Albane "
    "Alizée Aurélia Bérengère Blandine Constance Éloïse Eugénie Garance Hortense Inaya Jeanne Joy "
    "Kimberley Léana Lilia Lou-Anne Louisa Maïwenn Maëline Mathilda Méline Naomi Nayla Soline Thaïs "
    "Ambre Anouk Elina Emy Imane Jasmine Jeanne Lucille Marwa Myriam Norah Sakina Selma Shaïna Wassila "
    # boys
    "Aaron Abdel Abdoulaye Adam Adrien Ahmed Alain Alban Albert Alexandre Alexis Ali Amine Amir Anas André "
    "Antoine Antonin Anthony Armand Arnaud Arthur Augustin Axel Aymeric Ayoub Bastien Baptiste Benjamin "
    "Benoît Bernard Bertrand Bilal Boris Brahim Bruno Bryan Camil Cédric Charles Christian Christophe "
    "Clément Colin Corentin Cyril Cyprien Damien Daniel David Denis Didier Dimitri Dylan Édouard Eliott "
    "Éliott Elias Emmanuel Enzo Éric Eric Erwan Esteban Étienne Ethan Evan Fabien Fabrice Farid Félix "
    "Fernand Florent Florian François Franck Frédéric Gabin Gabriel Gaël Gaétan Gaspard Gauthier Georges "
    "Gérard Gilbert Gilles Grégory Guillaume Gustave Guy Hakim Hamza Henri Hervé Hichem Hugo Ibrahim Ilan "
    "Ilyes Ismaël Issa Jacques Jason Jean Jérémy Jérôme Joël Jonathan Jordan Joseph Josué Jules Julien "
    "Justin Karim Kévin Kevin Killian Kylian Kyllian Laurent Léo Léon Liam Lionel Loïc Lorenzo Louis Luc "
    "Lucas Ludovic Luka Malik Mamadou Marc Marcel Marius Martin Mathéo Matheo Mathias Mathieu Mathis "
    "Matthieu Maurice Max Maxence Maxime Mehdi Michaël Michel Milo Mohamed Mohammed Morgan Moussa Nabil "
    "Nathan Nicolas Noa Noah Noam Noé Nolan Olivier Omar Oscar Pascal Patrice Patrick Paul Philippe Pierre "
    "Quentin Rachid Raphaël Raymond Rayan Rémi Rémy Renaud René Richard Robert Robin Roger Romain Romuald "
    "Ruben Ryan Sacha Saïd Salim Samir Samuel Sébastien Serge Simon Soufiane Stéphane Steve Sylvain "
    "Sofiane Téo Théo Théodore Thibault Thibaut Thierry Thomas Timéo Timothée Tom Tony Tristan Valentin "
    "Victor Vincent Virgile Walid Willy Xavier Yanis Yannick Yann Yassine Younes Youssef Yves Zakaria Ziad "
    "Jean-Marc Régis Ludovic Jordy Mickaël Michael Johnny Jimmy Kévin Dorian Mattéo Matteo Nael Naël "
    "Sohan Kaïs Ayden Eden Marceau Aurélien Benoit Bastian Christopher Dimitri Fabio Gaëtan Hervé Jacky "
    "Jean-Claude Jean-François Jean-Luc Jean-Michel Jean-Paul Jean-Philippe José Jules Lenny Loris "
    "Lounis Marvin Maël Mael Nathanaël Noham Rayane Sami Sofian Thiago Tiago Ugo Wassim Yohan Yoann"
)

#: First names that are also common lower-case French words: found only when capitalised.
AMBIGUOUS_FIRST_NAMES = set(
    _words(
        "rose pierre jean claire marine aurore ambre olive prune victoire céleste capucine romain clément "
        "martin pascal maxime max constant aimé désiré ange eden flore lou rosa sacha noé marc "
        "guy gilles colin jade lily eve ève dominique gabin robin jordan tom justin noa luna alma "
        "esther mila nora rené olivier benjamin charlotte clémentine richard oscar"
    )
)

#: Places (extend with TESTIMONY_PII_PLACES): big cities and the campaign's home area. A town
#: not listed is still found after « à », « de », « depuis », « sur » or « vers ».
PLACES = [
    "Paris", "Marseille", "Lyon", "Toulouse", "Nice", "Nantes", "Montpellier", "Strasbourg", "Bordeaux", "Lille",
    "Rennes", "Reims", "Toulon", "Grenoble", "Dijon", "Angers", "Nîmes", "Clermont-Ferrand", "Le Havre", "Rouen",
    "Amiens", "Metz", "Nancy", "Orléans", "Tours", "Caen", "Brest", "Limoges", "Perpignan", "Besançon", "Lens",
    "Liévin", "Arras", "Béthune", "Douai", "Hénin-Beaumont", "Valenciennes", "Calais", "Boulogne-sur-Mer",
    "Dunkerque", "Roubaix", "Tourcoing", "Avion", "Bruay-la-Buissière", "Carvin", "Harnes", "Noeux-les-Mines",
    "Saint-Étienne", "Le Mans", "Villeurbanne", "Aix-en-Provence", "Mulhouse", "Saint-Denis", "Argenteuil",
    "Montreuil", "Villeneuve-d'Ascq", "Cambrai", "Maubeuge", "Saint-Omer", "Abbeville", "Beauvais",
]

#: Organisations whose name alone can locate someone (extend with TESTIMONY_PII_ORGANISATIONS).
ORGANISATIONS = [
    "Auchan", "Carrefour", "Leclerc", "Lidl", "Aldi", "Intermarché", "Decathlon", "Ikea", "Amazon", "McDonald's",
    "McDo", "Burger King", "KFC", "SNCF", "RATP", "La Poste", "Orange", "Free", "Bouygues", "SFR", "EDF", "Engie",
    "Pôle emploi", "France Travail", "CAF", "Crous", "Fnac", "Darty", "Renault", "Stellantis", "Total",
    "Crédit Agricole", "Crédit Mutuel", "Société Générale", "BNP Paribas", "LCL", "Caisse d'Épargne",
    "Banque Postale", "Leroy Merlin", "Castorama", "Kiabi", "Norauto", "Transdev", "Keolis",
]
#: Organisations whose name is also an everyday word: found only with their own capitals.
CASE_SENSITIVE_ORGANISATIONS = {"Carrefour", "Orange", "Free", "Total", "La Poste"}

#: Apps, platforms and brands everyone uses: naming them identifies nobody.
PLATFORMS = _words(
    "Snapchat Snap Instagram Insta TikTok Tiktok Facebook Fb Messenger WhatsApp Whatsapp Twitter Discord "
    "Twitch YouTube Youtube Netflix Spotify Google Meet Teams Zoom Skype Telegram Signal Tinder Bumble Grindr "
    "Pronote Roblox Fortnite Minecraft Pinterest LinkedIn Linkedin BeReal Yubo Omegle Wattpad Reddit Apple "
    "iPhone Android Samsung PlayStation Xbox Nintendo Internet Web Gmail Hotmail Outlook Deezer Vinted "
    "Leboncoin Uber Blablacar"
)

#: Capitalised words that are not names: sentence starters, days, months, holidays, school
#: subjects and grades, nationalities, kinship words, everyday nouns.
NOT_NAMES = {
    word.lower()
    for word in _words(
        "Je J Tu Il Elle On Nous Vous Ils Elles Mais Et Ou Donc Or Ni Car Le La Les L Un Une Des Du De D Ce "
        "Cette Ces C Mon Ma Mes Ton Ta Tes Son Sa Ses Notre Nos Votre Vos Leur Leurs Quand Puis Alors Après "
        "Avant Depuis Pendant Aujourd'hui Hier Demain Maintenant Enfin Ensuite Parfois Souvent Toujours "
        "Jamais Personne Quelqu'un Tout Tous Toute Toutes Rien Oui Non Merci Bonjour Salut Si Comme Pourquoi "
        "Comment Chaque Ça Cela Ceci Là Ici Dans Sur Sous Avec Sans Pour Par En Au Aux À Qui Que Quoi Dont "
        "Où Même Aussi Très Plus Moins Peu Beaucoup Trop Seul Seule Grâce Voilà Bref Bon Bien Ah Oh Eh "
        "Chacun Chacune Aucun Aucune Celui Celle Ceux Celles Lui Moi Toi Eux Nul Nulle Quiconque Certains "
        "Certaines Plusieurs Autrui L'un L'autre Lequel Laquelle Untel Unetelle Dernièrement Heureusement "
        "Malheureusement Évidemment Finalement Récemment Soudain Sinon Pourtant Cependant Ainsi "
        "Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Janvier Février Mars Avril Mai Juin Juillet "
        "Août Septembre Octobre Novembre Décembre Noël Pâques Toussaint Ramadan Aïd Halloween Pentecôte "
        "Ascension Réveillon Nouvel An Saint-Valentin Covid Dieu Allah Jésus Seigneur "
        "Madame Monsieur Mademoiselle Mme Mlle Mr M Dr Pr Me Maître Docteur Professeur Prof Coach "
        "Tonton Tata Tatie Papa Maman Papi Papy Mamie Mémé Pépé "
        "Français Française Anglais Anglaise Espagnol Espagnole Allemand Allemande Italien Italienne "
        "Portugais Portugaise Arabe Arabes Noir Noire Noirs Blanc Blanche Blancs Juif Juive Musulman "
        "Musulmane Chinois Chinoise Asiatique Africain Africaine Marocain Marocaine Algérien Algérienne "
        "Tunisien Tunisienne Turc Turque Polonais Polonaise Roumain Roumaine Gitan Gitane Rom Belge Européen "
        "Maths Math Mathématiques Histoire Géographie Géo Physique Chimie Philo Philosophie Musique "
        "Technologie Techno Latin Économie Psycho Psychologie Droit Médecine Lettres Sciences Socio "
        "Sociologie Langues Informatique Staps Pharmacie Compta Commerce Sport Master Licence Bac Brevet Seconde Première Terminale "
        "Sixième Cinquième Quatrième Troisième Doctorat Prépa "
        "France Europe Belgique Afrique Bretagne Normandie Alsace Picardie Hauts-de-France Île-de-France "
        "Président Présidente Ministre Préfet Maire Directeur Directrice Proviseur Principal Principale Juge "
        "Procureur Procureure Défenseur Inspecteur Inspectrice Recteur Rectrice Général Générale Maréchal "
        "Tribunal Conseil Cour Préfecture Commissariat Rectorat Collège Lycée École Université Faculté "
        "Mairie Hôpital Clinique Résultat Conclusion Moralité "
        "Parlons Harcèlement Vie Amour Liberté "
        "État Police Justice République Gendarmerie Urgences Samu Éducation Nationale "
        "I You He She We They It My The A An And But Then When After Before Now Today Yesterday Every "
        "Nobody Someone Everyone Nothing Yes No Thanks Hello"
    )
} | {word.lower() for word in PLATFORMS}

#: Civil and honorific titles that belong to the name they precede (« M. Dupont »).
ABBREVIATED_TITLES = ["M.", "Mr.", "Mr", "Mme.", "Mme", "Mmes", "Mlle.", "Mlle", "Melle", "Dr.", "Dr", "Pr.", "Pr"]
FULL_TITLES = ["Monsieur", "Madame", "Mademoiselle", "Docteur", "Docteure", "Professeur", "Professeure", "Maître"]

#: Institutions named after their type: « collège Jean Moulin », « IUT de Lens ».
INSTITUTION_TYPES = _words(
    "collège college lycée lycee école ecole université universite IUT fac faculté CFA institut internat "
    "conservatoire académie crèche maternelle entreprise société magasin agence usine clinique hôpital "
    "hopital mairie club association cabinet restaurant boulangerie pharmacie supermarché hypermarché "
    "piscine gymnase stade médiathèque bibliothèque cinéma théâtre MJC "
    "EHPAD Ehpad foyer"
)
#: Words between the type and the name: « école primaire Jules Ferry », « lycée professionnel X ».
INSTITUTION_QUALIFIERS = _words(
    "primaire élémentaire maternelle professionnel professionnelle général générale technologique "
    "agricole privé privée public publique catholique international internationale municipal municipale "
    "polyvalent polyvalente régional régionale sportif sportive"
)
#: Street types of an address (« 14 rue Victor Hugo »).
STREET_TYPES = _words(
    "rue avenue av. boulevard bd place chemin allée impasse quai route square résidence cité lotissement "
    "rond-point sentier passage"
)
#: Words that announce a social-media handle (« sur insta c'est lea_du62 »).
HANDLE_CONTEXT = _words(
    "insta instagram snap snapchat tiktok twitter twitch discord facebook fb pseudo pseudos compte profil "
    "identifiant id ig yubo bereal telegram"
)
