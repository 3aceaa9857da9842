package dev.airlock.aws;

/** {@link ApiCallsPerPromotionTest} counting the HTTP requests sent to moto_server. */
class ApiCallsPerPromotionOnMotoTest extends ApiCallsPerPromotionTest {
    @Override
    AwsTarget target() {
        return new MotoAws();
    }

    @Override
    long extraHeadsOfAMultipartCopy() {
        return 1;
    }
}
