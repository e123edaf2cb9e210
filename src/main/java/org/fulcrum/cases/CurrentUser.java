package org.fulcrum.cases;

import java.util.Optional;
import java.util.function.Supplier;

/** Who is making the current change, when something (a sign-in) knows it: the history's author. */
public interface CurrentUser extends Supplier<Optional<String>> {}
