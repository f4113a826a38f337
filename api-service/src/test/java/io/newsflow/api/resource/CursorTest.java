package io.newsflow.api.resource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTest {

    @Test
    void roundTrips() {
        Cursor c = new Cursor(1_559_174_400_123_456L, "6f1c2b1e-7c59-4f7e-9a53-4b8e1c0d2a11");
        assertThat(Cursor.decode(c.encode())).isEqualTo(c);
        assertThat(c.encode()).doesNotContain("=", "+", "/");
    }

    @Test
    void garbageIsRejected() {
        assertThatThrownBy(() -> Cursor.decode("not a cursor!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cursor.decode("YWJjOmRlZg")).isInstanceOf(IllegalArgumentException.class); // "abc:def"
    }

    @Test
    void parametersNameThemselvesWhenInvalid() {
        assertThatThrownBy(() -> QueryParams.limit("201", 20, 200)).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.parameter()).isEqualTo("limit"));
        assertThatThrownBy(() -> QueryParams.entityType("people")).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.parameter()).isEqualTo("type"));
        assertThatThrownBy(() -> QueryParams.day("mentionedFrom", "May 2019", false)).isInstanceOfSatisfying(
                InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("mentionedFrom"));
        assertThat(QueryParams.day("mentionedTo", "2019-05", true)).hasToString("2019-05-31");
        assertThat(QueryParams.instantAfter("publishedTo", "2019-05-30")).hasToString("2019-05-31T00:00:00Z");
    }
}
