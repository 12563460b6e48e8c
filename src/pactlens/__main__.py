from pactlens.cli import main

main()
