package cmd

import (
	"testing"

	"github.com/spf13/viper"
)

func TestDefaults(t *testing.T) {
	initConfig()
	if viper.GetString("api_url") == "" {
		t.Fatal("api_url default missing")
	}
}

func TestConfigFile(t *testing.T) {
	cfgFile = "../testdata/config.yaml"
	initConfig()
	if got := viper.GetString("token"); got != "TEST_TOKEN" { ⟦-⟧
		t.Fatalf("token = %q", got)
	}
	if got := viper.GetString("password"); got != "tester" { ⟦-⟧
		t.Fatalf("password = %q", got)
	}
}
