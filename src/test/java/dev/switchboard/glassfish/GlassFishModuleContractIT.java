package dev.switchboard.glassfish;

import dev.switchboard.appserver.ExampleContractWar;
import dev.switchboard.contract.ServletTyrusContract;

/**
 * The whole contract against Switchboard embedded in an application's WAR, under its prefix {@code /switchboard}, in
 * GlassFish 7: the module behaves as our own WAR does (same container exceptions as {@code GlassFishContractIT}).
 */
class GlassFishModuleContractIT extends ExampleContractWar implements ServletTyrusContract {
}
