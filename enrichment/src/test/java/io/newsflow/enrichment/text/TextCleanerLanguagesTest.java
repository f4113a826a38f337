package io.newsflow.enrichment.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Boilerplate in German, Spanish, French, Italian, Dutch and Portuguese pages (texts written for these tests). */
class TextCleanerLanguagesTest {

    @Test
    void german() {
        String p1 = "Berlin – Die Bundesregierung hat am Mittwoch einen neuen Plan für den Ausbau der Stromnetze vorgestellt.";
        String p2 = "Die Kommentare des Ministers waren deutlich.";
        String p3 = "Kritiker bemängeln, dass der Plan keine Angaben zu den Kosten für die Verbraucher enthält und zu spät kommt.";
        String p4 = "Eine Anzeige gegen den Netzbetreiber wurde nach Angaben der Polizei bereits im Januar erstattet.";
        String body = String.join("\n",
                p1,
                "Anzeige",
                p2,
                "Artikel teilen",
                "Teilen Facebook Twitter E-Mail",
                "Lesen Sie auch: Warum der Strompreis im Winter steigt",
                "Foto: dpa",
                "Jetzt den Newsletter abonnieren und nichts mehr verpassen",
                p3,
                p4,
                "Mehr zum Thema",
                "Netzausbau: Bayern blockiert neue Trasse",
                "Streit um Windkraft im Norden",
                "Leserkommentare (12)",
                "Das ist doch alles Unsinn.",
                "Kommentar schreiben");
        assertThat(TextCleaner.clean(body, null, "de")).isEqualTo(String.join("\n", p1, p2, p3, p4));
    }

    @Test
    void spanish() {
        String p1 = "El Gobierno aprobó ayer un plan para reducir el consumo de agua en las ciudades durante los meses de sequía.";
        String p2 = "Los comentarios del ministro fueron recibidos con escepticismo por los alcaldes de varias capitales.";
        String p3 = "Compartir los datos de consumo será obligatorio para los ayuntamientos a partir del próximo mes de enero.";
        String body = String.join("\n",
                "Madrid, 12 de abril de 2019",
                p1,
                "Publicidad",
                p2,
                "Compartir en Facebook",
                "Compartir Twitter WhatsApp",
                "Lee también: La sequía amenaza las cosechas del sur",
                "Suscríbete a nuestro boletín y recibe las noticias cada mañana",
                p3,
                "Noticias relacionadas",
                "La sequía obliga a cortar el riego en Andalucía",
                "Comentarios (3)",
                "Vaya vergüenza.");
        assertThat(TextCleaner.clean(body, null, "es")).isEqualTo(String.join("\n", "Madrid, 12 de abril de 2019", p1, p2, p3));
    }

    @Test
    void french() {
        String p1 = "Le gouvernement a présenté mercredi un projet de loi sur la rénovation des logements anciens dans les grandes villes.";
        String p2 = "Les commentaires du ministre ont été jugés trop vagues par les associations de locataires et par l'opposition.";
        String p3 = "Partager les frais des travaux entre propriétaires et locataires reste le point le plus disputé du texte.";
        String body = String.join("\n",
                p1,
                "Publicité",
                "Partager",
                "Partager sur Facebook",
                "À lire aussi : La crise du logement s'aggrave à Lyon",
                p2,
                "Crédit photo : AFP",
                "Abonnez-vous à notre newsletter",
                p3,
                "Sur le même sujet",
                "Logement : les loyers continuent de grimper",
                "Commentaires",
                "Bravo au gouvernement !");
        assertThat(TextCleaner.clean(body, null, "fr")).isEqualTo(String.join("\n", p1, p2, p3));
    }

    @Test
    void italian() {
        String p1 = "Il governo ha approvato ieri un decreto per finanziare la manutenzione delle scuole nelle regioni del sud.";
        String p2 = "I commenti del ministro sono stati accolti con freddezza dai sindacati degli insegnanti e dai presidi.";
        String p3 = "Il decreto prevede anche fondi per le palestre e per le mense, secondo quanto riferito dal ministero.";
        String body = String.join("\n",
                p1,
                "Pubblicità",
                "Condividi",
                "Leggi anche: Scuole, il piano del ministero per l'estate",
                p2,
                "Iscriviti alla nostra newsletter",
                p3,
                "© RIPRODUZIONE RISERVATA",
                "Articoli correlati",
                "Scuole, mancano i docenti di sostegno",
                "Commenti (5)",
                "Finalmente!");
        assertThat(TextCleaner.clean(body, null, "it")).isEqualTo(String.join("\n", p1, p2, p3));
    }

    @Test
    void dutch() {
        String p1 = "Het kabinet wil de komende jaren meer geld uitgeven aan het onderhoud van dijken langs de grote rivieren.";
        String p2 = "De reacties van de minister op de kritiek van de waterschappen waren volgens de oppositie te vaag.";
        String p3 = "Delen van het plan moeten nog worden besproken in de Tweede Kamer, waar een meerderheid voor lijkt te zijn.";
        String body = String.join("\n",
                p1,
                "Advertentie",
                "Delen",
                "Deel dit artikel",
                "Lees ook: Waterschappen waarschuwen voor hoge kosten",
                p2,
                "Schrijf je in voor onze nieuwsbrief",
                p3,
                "Meest gelezen",
                "Storm zorgt voor schade in Zeeland",
                "Reacties (8)",
                "Eindelijk actie.");
        assertThat(TextCleaner.clean(body, null, "nl")).isEqualTo(String.join("\n", p1, p2, p3));
    }

    @Test
    void portuguese() {
        String p1 = "O governo anunciou ontem um novo programa de apoio aos pequenos agricultores das regiões do interior do país.";
        String p2 = "Os comentários do ministro foram criticados pelas associações de agricultores e pelos partidos da oposição.";
        String p3 = "O programa prevê apoios para a compra de equipamentos de rega e para a formação de jovens agricultores.";
        String body = String.join("\n",
                p1,
                "Publicidade",
                "Partilhar",
                "Leia também: Seca afeta produção de azeite no Alentejo",
                p2,
                "Assine a nossa newsletter",
                p3,
                "Notícias relacionadas",
                "Agricultores protestam em Lisboa",
                "Comentários (4)",
                "Muito bem.");
        assertThat(TextCleaner.clean(body, null, "pt-BR")).isEqualTo(String.join("\n", p1, p2, p3));
    }

    @Test
    void wholeLinePhrasesGoWithoutKnowingTheLanguage() {
        String p1 = "Die Bundesregierung hat am Mittwoch einen neuen Plan für den Ausbau der Stromnetze in Deutschland vorgestellt.";
        String body = String.join("\n", p1, "Anzeige", "Artikel teilen", "Mehr zum Thema: Strompreise");
        assertThat(TextCleaner.clean(body, null)).isEqualTo(p1);
    }

    @Test
    void promptsOfWordPairsNeedTheArticlesLanguage() {
        String p1 = "Die Bundesregierung hat am Mittwoch einen neuen Plan für den Ausbau der Stromnetze in Deutschland vorgestellt.";
        String prompt = "Jetzt den Newsletter abonnieren und nichts mehr verpassen";
        String body = p1 + "\n" + prompt;
        assertThat(TextCleaner.clean(body, null, "de")).isEqualTo(p1);
        assertThat(TextCleaner.clean(body, null, "en")).isEqualTo(body); // no German pair rule in an English article
        assertThat(TextCleaner.clean(body, null)).isEqualTo(p1); // detected: German
    }
}
