from canhgiac.cli.main import main

main()
