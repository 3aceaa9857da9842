package dev.airlock.environment;

import static dev.airlock.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleArnTest {
    private static final AccountId ACCOUNT = AccountId.of("012345678901");
    private static final String SHAPE = "must look like arn:aws:iam::123456789012:role/optional/path/name";
    private static final String NAME_RULE = "name must be 1-64 characters of letters, digits and +=,.@_-";
    private static final String PATH_RULE = "path must be '/' or start and end with '/'";

    @ParameterizedTest
    @CsvSource({
            "arn:aws:iam::012345678901:role/deploy,              aws,        /,          deploy",
            "arn:aws-cn:iam::012345678901:role/deploy,           aws-cn,     /,          deploy",
            "arn:aws-us-gov:iam::012345678901:role/deploy,       aws-us-gov, /,          deploy",
            "arn:aws:iam::012345678901:role/ci/deploy,           aws,        /ci/,       deploy",
            "arn:aws:iam::012345678901:role/a/b-c/d_e/Deploy+1,  aws,        /a/b-c/d_e/, Deploy+1",
            "'arn:aws:iam::012345678901:role/x=y,z.w@v_u-t',     aws,        /,          'x=y,z.w@v_u-t'"})
    void parse_splitsPartitionAccountPathAndName(String arn, String partition, String path, String name) {
        RoleArn role = RoleArn.parse(arn);

        assertEquals(partition, role.partition());
        assertEquals(ACCOUNT, role.account());
        assertEquals(path, role.path());
        assertEquals(name, role.name());
        assertEquals(arn, role.toString());
    }

    @Test
    void constructor_andParse_agree() {
        assertEquals(new RoleArn("aws-cn", ACCOUNT, "/team/", "deploy"),
                RoleArn.parse("arn:aws-cn:iam::012345678901:role/team/deploy"));
    }

    @Test
    void name_ofSixtyFourCharacters_isAccepted() {
        String name = "r".repeat(64);

        assertEquals(name, RoleArn.parse("arn:aws:iam::012345678901:role/" + name).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "aws:iam::012345678901:role/deploy", "ARN:aws:iam::012345678901:role/deploy",
            "arn:aws:iam::012345678901:user/deploy", "arn:aws:iam::012345678901:role",
            "arn:aws:iam::012345678901:deploy", "arn:aws:s3::012345678901:role/deploy",
            "arn:aws:iam:eu-west-1:012345678901:role/deploy", "arn:aws:iam::012345678901",
            "arn:aws:iam::role/deploy", "arn:aws:iam::012345678901:Role/deploy"})
    void parse_ofMalformedArn_isRejectedShowingTheShape(String arn) {
        assertRejected(() -> RoleArn.parse(arn), "role", arn, SHAPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:iam::12345678901:role/deploy", "arn:aws:iam::0123456789012:role/deploy",
            "arn:aws:iam::01234567890a:role/deploy", "arn:aws:iam:::role/deploy"})
    void parse_withBadAccount_isRejected(String arn) {
        assertRejected(() -> RoleArn.parse(arn), "role", arn, "account part must be exactly 12 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws-eu", "aws-iso", "AWS", ""})
    void parse_withUnknownPartition_isRejected(String partition) {
        assertRejected(() -> RoleArn.parse("arn:" + partition + ":iam::012345678901:role/deploy"), "role", partition,
                "partition must be one of aws, aws-cn, aws-us-gov");
    }

    @Test
    void name_ofSixtyFiveCharacters_isRejected() {
        String name = "r".repeat(65);

        assertRejected(() -> RoleArn.parse("arn:aws:iam::012345678901:role/" + name), "role", name, NAME_RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy*", "deploy role", "deploy:prod", "déploy", "deploy!"})
    void name_withForbiddenCharacter_isRejected(String name) {
        assertRejected(() -> RoleArn.parse("arn:aws:iam::012345678901:role/" + name), "role", name, NAME_RULE);
    }

    @Test
    void name_empty_isRejected() {
        assertRejected(() -> RoleArn.parse("arn:aws:iam::012345678901:role/"), "role", "", NAME_RULE);
        assertRejected(() -> RoleArn.parse("arn:aws:iam::012345678901:role/team/"), "role", "", NAME_RULE);
    }

    @Test
    void path_ofFiveHundredTwelveCharacters_isAccepted() {
        String path = "/" + "p".repeat(510) + "/";

        assertEquals(path, RoleArn.parse("arn:aws:iam::012345678901:role" + path + "deploy").path());
    }

    @Test
    void path_longerThanFiveHundredTwelveCharacters_isRejected() {
        String path = "/" + "p".repeat(511) + "/";

        assertRejected(() -> RoleArn.parse("arn:aws:iam::012345678901:role" + path + "deploy"), "role", path,
                PATH_RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//", "/a//b/", "/tëam/", "/te am/"})
    void path_withEmptySegmentOrNonPrintableAscii_isRejected(String path) {
        assertRejected(() -> RoleArn.parse("arn:aws:iam::012345678901:role" + path + "deploy"), "role", path,
                PATH_RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "team", "/team", "team/"})
    void constructor_withPathNotEnclosedInSlashes_isRejected(String path) {
        assertRejected(() -> new RoleArn("aws", ACCOUNT, path, "deploy"), "role", path, PATH_RULE);
    }

    @Test
    void parse_ofNull_isRejectedAsRequired() {
        assertRejected(() -> RoleArn.parse(null), "role", "null", "is required");
    }

    @Test
    void equality_coversEveryPart() {
        RoleArn role = RoleArn.parse("arn:aws:iam::012345678901:role/ci/deploy");

        assertEquals(role, RoleArn.parse("arn:aws:iam::012345678901:role/ci/deploy"));
        assertEquals(role.hashCode(), RoleArn.parse("arn:aws:iam::012345678901:role/ci/deploy").hashCode());
        assertNotEquals(role, RoleArn.parse("arn:aws-cn:iam::012345678901:role/ci/deploy"));
        assertNotEquals(role, RoleArn.parse("arn:aws:iam::112345678901:role/ci/deploy"));
        assertNotEquals(role, RoleArn.parse("arn:aws:iam::012345678901:role/cd/deploy"));
        assertNotEquals(role, RoleArn.parse("arn:aws:iam::012345678901:role/ci/Deploy"));
    }
}
