package org.isoscoring.cli;

import org.isoscoring.api.ScoringRequest;

/**
 * The command line's request generator without the JSON in between, for requests above the 128 MiB input limit
 * (100,000 assessments). In this package to reach the generator, which is the command line's own.
 */
public final class Generated {

    private Generated() {
    }

    /** {@code generate-example --districts N}: N districts of 15 communes, seed 2022. */
    public static ScoringRequest national(int districts) {
        return ExampleProvince.national(districts, 15, 2022);
    }
}
