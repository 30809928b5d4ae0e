package dev.promesa.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeysTest {
    private static final String KEY_A = "key-of-desk-a";
    private static final String KEY_B = "key-of-desk-b";

    @Test
    void aHashedKeyDecidesItsSource() {
        ApiKeys keys = ApiKeys.parse("desk-a:" + ApiKeyHash.of(KEY_A) + ", desk-b:" + ApiKeyHash.of(KEY_B));

        assertThat(keys.find(KEY_A)).hasValueSatisfying(k -> assertThat(k.source()).isEqualTo("desk-a"));
        assertThat(keys.find(KEY_B)).hasValueSatisfying(k -> assertThat(k.source()).isEqualTo("desk-b"));
        assertThat(keys.plaintextKeys()).isEmpty();
    }

    @Test
    void theHashItselfIsNotAKey() {
        ApiKeys keys = ApiKeys.parse("desk-a:" + ApiKeyHash.of(KEY_A));

        assertThat(keys.find(ApiKeyHash.of(KEY_A))).isEmpty();
        assertThat(keys.find(KEY_A.substring(1))).isEmpty();
        assertThat(keys.find(KEY_A.toUpperCase())).isEmpty();
        assertThat(keys.find("")).isEmpty();
        assertThat(keys.find(null)).isEmpty();
    }

    @Test
    void plainTextKeysStillWorkButAreReported() {
        ApiKeys keys = ApiKeys.parse("desk-a:" + KEY_A + ",desk-b:" + ApiKeyHash.of(KEY_B));

        assertThat(keys.find(KEY_A)).hasValueSatisfying(k -> assertThat(k.source()).isEqualTo("desk-a"));
        assertThat(keys.plaintextKeys()).containsExactly("desk-a#1");
    }

    @Test
    void aSourceMayHaveSeveralKeysForRotationEachWithItsOwnId() {
        ApiKeys keys = ApiKeys.parse("desk-a:" + ApiKeyHash.of("old") + ",desk-a:" + ApiKeyHash.of("new"));

        assertThat(keys.find("old")).hasValueSatisfying(k -> assertThat(k.id()).isEqualTo("desk-a#1"));
        assertThat(keys.find("new")).hasValueSatisfying(k -> assertThat(k.id()).isEqualTo("desk-a#2"));
        assertThat(keys.sources()).containsExactly("desk-a");
    }

    @Test
    void oneKeyForTwoSourcesIsRefusedAtStartUp() {
        assertThatThrownBy(() -> ApiKeys.parse("desk-a:" + ApiKeyHash.of(KEY_A) + ",desk-b:" + KEY_A))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same key is configured for 'desk-a' and 'desk-b'");
    }

    @Test
    void malformedEntriesAreRefusedWithoutEchoingTheKey() {
        assertThatThrownBy(() -> ApiKeys.parse("just-a-secret-value"))
                .hasMessageContaining("not source:sha256:<hex>").hasMessageNotContaining("just-a-secret-value");
        assertThatThrownBy(() -> ApiKeys.parse("desk-a:sha256:1234"))
                .hasMessageContaining("64 hex digits").hasMessageNotContaining("1234");
        assertThatThrownBy(() -> ApiKeys.parse("desk a:secret")).hasMessageContaining("source 'desk a'")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> ApiKeys.parse(":secret")).hasMessageNotContaining("secret");
    }

    @Test
    void sourceNamesAreUriSafeBecauseTheyBecomeTheEventsCeSource() {
        assertThat(ApiKeys.parse("service-desk_2.madrid~eu:secret").find("secret")).isPresent();
        for (String source : new String[]{"help desk", "desk/a", "desk\u00e9", "desk?x=1"}) {
            assertThatThrownBy(() -> ApiKeys.parse(source + ":secret")).as(source)
                    .hasMessageContaining("letters, digits and . _ ~ - only").hasMessageNotContaining("secret");
        }
    }

    @Test
    void nothingConfiguredMeansNoKeyIsKnown() {
        assertThat(ApiKeys.parse("").isEmpty()).isTrue();
        assertThat(ApiKeys.parse(null).find("anything")).isEmpty();
        assertThat(ApiKeys.parse(" , ").isEmpty()).isTrue();
    }
}
