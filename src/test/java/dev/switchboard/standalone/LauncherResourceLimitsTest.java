package dev.switchboard.standalone;

import dev.switchboard.contract.ResourceLimitsContract;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;

/** The limits that need small settings, against a launcher of their own with an empty store. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherResourceLimitsTest extends InProcessLauncher implements ResourceLimitsContract {
}
