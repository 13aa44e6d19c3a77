// Entry point of the gongbao CLI; commands are added in Gongbao.Cli as the stages land.
Console.Error.WriteLine("gongbao: no commands yet");
return 1;
