package dev.airlock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Byte counts in human units, never raw. */
class SizesTest {
    @Test
    void bytes_readAsPeopleReadThem() {
        assertEquals("0 B", Sizes.human(0));
        assertEquals("1023 B", Sizes.human(1023));
        assertEquals("1.0 KiB", Sizes.human(1024));
        assertEquals("4.2 MiB", Sizes.human(4_404_019));
        assertEquals("1.1 GiB", Sizes.human(1_181_116_006L));
        assertEquals("512 GiB", Sizes.human(512L << 30));
    }
}
