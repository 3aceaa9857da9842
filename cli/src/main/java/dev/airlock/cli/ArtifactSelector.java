package dev.airlock.cli;

import dev.airlock.artifact.Digest;
import dev.airlock.promotion.PromotionEngine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Names an artifact by digest, or by name:version which is resolved to its registered digest. */
final class ArtifactSelector {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    static final class Choice {
        @Option(names = "--digest", paramLabel = "DIGEST", converter = DigestConverter.class,
                description = "The artifact's digest, sha256:<64 hex>.")
        Digest digest;

        @Option(names = "--artifact", paramLabel = "NAME:VERSION",
                description = "The artifact's registered name and version, resolved to its digest.")
        String nameAndVersion;
    }

    Digest resolve(PromotionEngine engine) {
        if (choice.digest != null) {
            return choice.digest;
        }
        int colon = choice.nameAndVersion.lastIndexOf(':');
        if (colon <= 0 || colon == choice.nameAndVersion.length() - 1) {
            throw new ErrorHandler.CliFailure(ExitCodes.BAD_INPUT,
                    "--artifact: '" + choice.nameAndVersion + "' must be NAME:VERSION, e.g. payments-api:1.4.2");
        }
        return engine.resolve(choice.nameAndVersion.substring(0, colon), choice.nameAndVersion.substring(colon + 1));
    }

    /** Parses digests with the domain's own validation message. */
    static final class DigestConverter implements picocli.CommandLine.ITypeConverter<Digest> {
        @Override
        public Digest convert(String value) {
            try {
                return Digest.parse(value);
            } catch (dev.airlock.InvalidValueException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
