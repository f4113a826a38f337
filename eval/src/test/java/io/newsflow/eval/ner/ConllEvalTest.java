package io.newsflow.eval.ner;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConllEvalTest {

    private static List<String> tags(String s) {
        return List.of(s.split(" "));
    }

    @Test
    void perfectGuessesScoreOne() {
        ConllEval eval = new ConllEval();
        eval.add(tags("B-PER I-PER O B-LOC"), tags("B-PER I-PER O B-LOC"));
        assertThat(eval.overall().precision()).isEqualTo(1.0);
        assertThat(eval.overall().recall()).isEqualTo(1.0);
        assertThat(eval.overall().f1()).isEqualTo(1.0);
        assertThat(eval.overall().gold()).isEqualTo(2);
    }

    @Test
    void partialSpansAndTypeErrorsCountAsWrong() {
        ConllEval eval = new ConllEval();
        // gold: PER "0-1", LOC "3", ORG "5-6"; guessed: PER right, ORG where LOC is, ORG cut short
        eval.add(tags("B-PER I-PER O B-LOC O B-ORG I-ORG"), tags("B-PER I-PER O B-ORG O B-ORG O"));
        assertThat(eval.overall().correct()).isEqualTo(1);
        assertThat(eval.overall().system()).isEqualTo(3);
        assertThat(eval.overall().gold()).isEqualTo(3);
        assertThat(eval.overall().precision()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(eval.overall().recall()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(eval.overall().f1()).isCloseTo(1.0 / 3, within(1e-9));

        assertThat(eval.type("PER").f1()).isEqualTo(1.0);
        assertThat(eval.type("LOC").gold()).isEqualTo(1);
        assertThat(eval.type("LOC").system()).isZero();
        assertThat(eval.type("LOC").recall()).isZero();
        assertThat(eval.type("ORG").system()).isEqualTo(2);
        assertThat(eval.type("ORG").gold()).isEqualTo(1);
        assertThat(eval.type("ORG").correct()).isZero();
        assertThat(eval.type("MISC").f1()).isZero();
        // tags: 7 tokens, wrong at 3 (B-LOC/B-ORG) and 6 (I-ORG/O)
        assertThat(eval.tokenAccuracy()).isCloseTo(5.0 / 7, within(1e-9));
    }

    @Test
    void overSegmentedAndLongerGuessesAreWrong() {
        ConllEval eval = new ConllEval();
        eval.add(tags("B-ORG I-ORG I-ORG O"), tags("B-ORG I-ORG B-ORG O"));   // split in two
        eval.add(tags("O B-LOC O"), tags("B-LOC I-LOC O"));                 // one token too many
        assertThat(eval.overall().correct()).isZero();
        assertThat(eval.overall().system()).isEqualTo(3);
        assertThat(eval.overall().gold()).isEqualTo(2);
    }

    @Test
    void scoresAccumulateOverSentences() {
        ConllEval eval = new ConllEval();
        eval.add(tags("B-PER O"), tags("B-PER O"));
        eval.add(tags("B-MISC I-MISC"), tags("O O"));
        eval.add(tags("O O"), tags("B-ORG O"));
        // correct 1, guessed 2, gold 2: P 0.5, R 0.5
        assertThat(eval.overall().precision()).isEqualTo(0.5);
        assertThat(eval.overall().recall()).isEqualTo(0.5);
        assertThat(eval.type("MISC").recall()).isZero();
        assertThat(eval.type("ORG").precision()).isZero();
    }

    @Test
    void chunksFollowConllevalRules() {
        // I- after O starts a chunk; a type change ends one; B- after B- starts a new one; the sentence end closes
        assertThat(ConllEval.chunks(tags("O I-PER I-PER"))).containsExactly(new Chunk(1, 3, "PER"));
        assertThat(ConllEval.chunks(tags("B-PER I-ORG"))).containsExactly(new Chunk(0, 1, "PER"), new Chunk(1, 2, "ORG"));
        assertThat(ConllEval.chunks(tags("B-LOC B-LOC I-LOC"))).containsExactly(new Chunk(0, 1, "LOC"), new Chunk(1, 3, "LOC"));
        assertThat(ConllEval.chunks(tags("O O"))).isEmpty();

        ConllEval eval = new ConllEval();
        eval.add(tags("O B-PER I-PER"), tags("O I-PER I-PER"));
        assertThat(eval.overall().f1()).isEqualTo(1.0);
    }
}
