package main

import (
	"github.com/spf13/cobra"
)

func (a *app) compareCmd() *cobra.Command {
	return &cobra.Command{Use: "compare A B", Short: "Tell whether two strings are confusable", Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error { return usageErr("compare: not built yet") }}
}

func (a *app) skeletonCmd() *cobra.Command {
	return &cobra.Command{Use: "skeleton TEXT", Short: "Print the UTS #39 skeleton of a text", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return usageErr("skeleton: not built yet") }}
}
