package io.collectivepulse.archfixture.bad.unsorted;

/** A class in a package that no rule knows. */
public final class Stray {
}
