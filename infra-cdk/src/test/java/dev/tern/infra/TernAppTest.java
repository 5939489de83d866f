package dev.tern.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TernAppTest {

    @Test
    void standaloneContext_readsCdkJsonAndLetsArgumentsOverrideIt() {
        var context = TernApp.standaloneContext(new String[] {
                "-c", "tern:regions=eu-west-1,eu-west-2,eu-west-3", "--context=tern:alarmEmail=me@example.org", "synth"});

        assertThat(context).containsEntry("tern:regions", "eu-west-1,eu-west-2,eu-west-3")
                .containsEntry("tern:alarmEmail", "me@example.org")
                .containsEntry("tern:domainName", "links.example.com")
                .containsEntry("tern:redirectStatus", 301)
                .containsKey("@aws-cdk/core:newStyleStackSynthesis");
    }

    @Test
    void standaloneContext_argumentWithoutValue_isRefused() {
        assertThatThrownBy(() -> TernApp.standaloneContext(new String[] {"-c", "tern:regions"}))
                .hasMessage("a context argument is key=value, got 'tern:regions'");
    }

    @Test
    void cdkJson_exampleContext_isAValidDeployment() {
        InfraSettings settings = InfraSettings.fromContext(TernApp.standaloneContext(new String[0])::get);

        assertThat(settings.linksConsistency()).isEqualTo(InfraSettings.LinksConsistency.MRSC);
        assertThat(settings.regions()).hasSize(3);
    }
}
