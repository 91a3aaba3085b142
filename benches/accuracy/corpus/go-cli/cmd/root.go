package cmd

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

var cfgFile string

var rootCmd = &cobra.Command{
	Use:   "acme",
	Short: "Acme operations CLI",
}

func Execute() {
	if err := rootCmd.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func init() {
	cobra.OnInitialize(initConfig)
	rootCmd.PersistentFlags().StringVar(&cfgFile, "config", "", "config file (default $HOME/.acme.yaml)")
	rootCmd.PersistentFlags().String("token", "", "API token (or ACME_TOKEN)")
	rootCmd.PersistentFlags().String("password", "", "password for --user")
	_ = viper.BindPFlag("token", rootCmd.PersistentFlags().Lookup("token"))
	viper.SetDefault("api_url", "https://ops-api.acme.internal")
	viper.SetDefault("token", "da8da8da471d7e93d06dbf9ced138c1de8ba2ac4")
	viper.SetDefault("timeout", "30s")
}

func initConfig() {
	if cfgFile != "" {
		viper.SetConfigFile(cfgFile)
	} else {
		home, _ := os.UserHomeDir()
		viper.AddConfigPath(home)
		viper.SetConfigName(".acme")
	}
	viper.SetEnvPrefix("ACME")
	viper.AutomaticEnv()
	_ = viper.ReadInConfig()
}
