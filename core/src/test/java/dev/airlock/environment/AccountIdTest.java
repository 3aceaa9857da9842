package dev.airlock.environment;

import static dev.airlock.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountIdTest {
    private static final String RULE = "must be exactly 12 digits (leading zeros included)";

    @ParameterizedTest
    @ValueSource(strings = {"123456789012", "000000000000", "012345678901", "999999999999"})
    void of_withTwelveDigits_keepsTheValueAsWritten(String value) {
        AccountId account = AccountId.of(value);

        assertEquals(value, account.value());
        assertEquals(value, account.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "12345678901", "1234567890123", "0000000000000"})
    void of_withWrongLength_isRejected(String value) {
        assertRejected(() -> AccountId.of(value), "account", value, RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901a", "1234-5678-90", "+12345678901", "-12345678901", " 123456789012",
            "123456789012 ", "1234567890.1", "١٢٣٤٥٦٧٨٩٠١٢", "１２３４５６７８９０１２"})
    void of_withCharactersOtherThanAsciiDigits_isRejected(String value) {
        assertRejected(() -> AccountId.of(value), "account", value, RULE);
    }

    @Test
    void of_withNull_isRejectedAsRequired() {
        assertRejected(() -> AccountId.of(null), "account", "null", "is required");
    }

    @Test
    void equality_isByValue() {
        AccountId a = AccountId.of("012345678901");
        AccountId same = new AccountId("012345678901");

        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, AccountId.of("112345678901"));
    }

    @Test
    void compareTo_ordersLeadingZerosFirst() {
        assertTrue(AccountId.of("012345678901").compareTo(AccountId.of("112345678901")) < 0);
        assertTrue(AccountId.of("999999999999").compareTo(AccountId.of("100000000000")) > 0);
        assertEquals(0, AccountId.of("123456789012").compareTo(AccountId.of("123456789012")));
    }
}
